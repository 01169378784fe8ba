// refcheck: dev-time ground truth for packages/core/src/images/reference.ts.
//
// Reads a JSON array of reference strings on stdin and prints, for each, what Docker's
// reference library makes of it: ParseNormalizedNamed + TagNameOnly (the normalised form),
// or the error. Built in GOPATH mode against Debian's golang-github-docker-distribution-dev
// (see gen-reference-fixtures.mjs); never needed by the project at run time.
package main

import (
	// Docker links these in, so their digest algorithms are known; so must we.
	_ "crypto/sha256"
	_ "crypto/sha512"
	"encoding/json"
	"os"

	"github.com/docker/distribution/reference"
)

type result struct {
	Input      string `json:"input"`
	Error      string `json:"error,omitempty"`
	Full       string `json:"full,omitempty"`
	Domain     string `json:"domain,omitempty"`
	Path       string `json:"path,omitempty"`
	Tag        string `json:"tag,omitempty"`
	Digest     string `json:"digest,omitempty"`
	PlainParse string `json:"plainParse,omitempty"`
}

func describe(r *result, named reference.Named) {
	named = reference.TagNameOnly(named)
	r.Full = named.String()
	r.Domain = reference.Domain(named)
	r.Path = reference.Path(named)
	if t, ok := named.(reference.Tagged); ok {
		r.Tag = t.Tag()
	}
	if d, ok := named.(reference.Digested); ok {
		r.Digest = d.Digest().String()
	}
}

func main() {
	var inputs []string
	if err := json.NewDecoder(os.Stdin).Decode(&inputs); err != nil {
		panic(err)
	}
	out := make([]result, 0, len(inputs))
	for _, in := range inputs {
		r := result{Input: in}
		named, err := reference.ParseNormalizedNamed(in)
		if err != nil {
			r.Error = err.Error()
			// Newer releases read an upper-case first element as a registry host; plain Parse
			// shows what that reading gives.
			if ref, perr := reference.Parse(in); perr == nil {
				if n, ok := ref.(reference.Named); ok {
					r.PlainParse = reference.TagNameOnly(n).String()
				}
			}
		} else {
			describe(&r, named)
		}
		out = append(out, r)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}
