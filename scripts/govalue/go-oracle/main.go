// go-oracle answers govalue questions that no template can ask: strconv and spf13/cast calls
// with their exact errors, encoding/json decoding errors and MarshalIndent prefixes. It reads a
// JSON array of calls on stdin and prints one JSON result per line. Built and run at development
// time only, by gen-go-fixtures.mjs, against the same Debian Go packages as gotmpl-oracle:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go run ./scripts/govalue/go-oracle < calls.json
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strconv"

	"github.com/spf13/cast"
)

// operand is a typed Go value: {"t":"string","v":"x"}, {"t":"float64","v":"1.5"} (text read by
// ParseFloat), {"t":"int","v":"5"}, {"t":"bool","v":true}, {"t":"nil"}, {"t":"json","v":"[1]"}.
type operand struct {
	T string          `json:"t"`
	V json.RawMessage `json:"v"`
}

type call struct {
	Fn   string    `json:"fn"`
	Args []operand `json:"args"`
}

type result struct {
	Out *string `json:"out,omitempty"`
	Err *string `json:"err,omitempty"`
}

func (o operand) value() interface{} {
	switch o.T {
	case "nil":
		return nil
	case "string":
		var s string
		must(json.Unmarshal(o.V, &s))
		return s
	case "bool":
		var b bool
		must(json.Unmarshal(o.V, &b))
		return b
	case "int":
		var s string
		must(json.Unmarshal(o.V, &s))
		n, err := strconv.ParseInt(s, 10, 64)
		must(err)
		return int(n)
	case "float64":
		var s string
		must(json.Unmarshal(o.V, &s))
		f, err := strconv.ParseFloat(s, 64)
		if err != nil && f == 0 {
			panic(err)
		}
		return f
	case "json":
		var s string
		must(json.Unmarshal(o.V, &s))
		var v interface{}
		must(json.Unmarshal([]byte(s), &v))
		return v
	}
	panic("bad operand type " + o.T)
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func str(o operand) string { return o.value().(string) }
func num(o operand) int    { return o.value().(int) }

func run(c call) (string, error) {
	a := c.Args
	switch c.Fn {
	case "ParseFloat":
		f, err := strconv.ParseFloat(str(a[0]), 64)
		return strconv.FormatFloat(f, 'g', -1, 64), err
	case "ParseInt":
		n, err := strconv.ParseInt(str(a[0]), num(a[1]), num(a[2]))
		return strconv.FormatInt(n, 10), err
	case "ParseUint":
		n, err := strconv.ParseUint(str(a[0]), num(a[1]), num(a[2]))
		return strconv.FormatUint(n, 10), err
	case "Atoi":
		n, err := strconv.Atoi(str(a[0]))
		return strconv.Itoa(n), err
	case "FormatFloat":
		return strconv.FormatFloat(a[0].value().(float64), str(a[1])[0], num(a[2]), 64), nil
	case "FormatFloat32":
		return strconv.FormatFloat(float64(float32(a[0].value().(float64))), str(a[1])[0], num(a[2]), 32), nil
	case "Quote":
		return strconv.Quote(str(a[0])), nil
	case "QuoteToASCII":
		return strconv.QuoteToASCII(str(a[0])), nil
	case "QuoteRune":
		return strconv.QuoteRune(rune(num(a[0]))), nil
	case "CanBackquote":
		return strconv.FormatBool(strconv.CanBackquote(str(a[0]))), nil
	case "ToBoolE":
		b, err := cast.ToBoolE(a[0].value())
		return strconv.FormatBool(b), err
	case "ToStringE":
		return cast.ToStringE(a[0].value())
	case "ToInt64E":
		n, err := cast.ToInt64E(a[0].value())
		return strconv.FormatInt(n, 10), err
	case "ToIntE":
		n, err := cast.ToIntE(a[0].value())
		return strconv.Itoa(n), err
	case "ToFloat64E":
		f, err := cast.ToFloat64E(a[0].value())
		return strconv.FormatFloat(f, 'g', -1, 64), err
	case "Unmarshal", "UnmarshalMap", "UnmarshalSlice":
		var err error
		var v interface{}
		switch c.Fn {
		case "UnmarshalMap":
			m := map[string]interface{}{}
			err = json.Unmarshal([]byte(str(a[0])), &m)
			v = m
		case "UnmarshalSlice":
			s := []interface{}{}
			err = json.Unmarshal([]byte(str(a[0])), &s)
			v = s
		default:
			err = json.Unmarshal([]byte(str(a[0])), &v)
		}
		return fmt.Sprintf("%#v", v), err
	case "MarshalIndent":
		b, err := json.MarshalIndent(a[0].value(), str(a[1]), str(a[2]))
		return string(b), err
	}
	panic("unknown function " + c.Fn)
}

func main() {
	var calls []call
	must(json.NewDecoder(os.Stdin).Decode(&calls))
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, c := range calls {
		out, err := run(c)
		r := result{Out: &out}
		if err != nil {
			e := err.Error()
			r.Err = &e
		}
		must(enc.Encode(r))
	}
}
