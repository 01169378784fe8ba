/**
 * Go's case folding for (?i) (unicode.SimpleFold orbits). Node 20 has no `(?i:...)` groups, so a
 * pattern with local flags is translated without the JS `i` flag and every folded literal or class
 * is spelled out with its orbit. The orbits are JS's own (the `u`+`i` canonicalisation is Unicode
 * simple case folding, as Go's), found once from the lower/upper mappings.
 */

let orbits: number[][] | undefined;
let orbitOf: Map<number, number[]> | undefined;

function build(): void {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r) as number;
    return r;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (!parent.has(ra)) parent.set(ra, ra);
    if (!parent.has(rb)) parent.set(rb, rb);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (let cp = 0; cp < 0x1f000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const s = String.fromCodePoint(cp);
    for (const t of [s.toLowerCase(), s.toUpperCase()]) {
      const o = t.codePointAt(0) as number;
      if (t !== s && t.length === String.fromCodePoint(o).length) union(cp, o);
    }
  }
  const groups = new Map<number, number[]>();
  for (const cp of parent.keys()) {
    const r = find(cp);
    const g = groups.get(r);
    if (g) g.push(cp);
    else groups.set(r, [cp]);
  }
  orbits = [];
  orbitOf = new Map();
  // The lower/upper closure can join letters that simple folding keeps apart (ı, İ): split each
  // group into the sets JS's case-insensitive matching treats as one.
  for (const g of groups.values()) {
    let rest = g.sort((a, b) => a - b);
    while (rest.length > 0) {
      const re = new RegExp(`^\\u{${rest[0].toString(16)}}$`, "iu");
      const orbit = rest.filter((c) => re.test(String.fromCodePoint(c)));
      rest = rest.filter((c) => !orbit.includes(c));
      if (orbit.length > 1) {
        orbits.push(orbit);
        for (const c of orbit) orbitOf.set(c, orbit);
      }
    }
  }
}

/** The code points (?i) makes `cp` match: its orbit, or just itself. */
export function foldOrbit(cp: number): number[] {
  if (!orbitOf) build();
  return (orbitOf as Map<number, number[]>).get(cp) ?? [cp];
}

/** Every code point whose orbit meets the set `has` describes (Go's appendFoldedClass). */
export function foldAdditions(has: (cp: number) => boolean): number[] {
  if (!orbits) build();
  const out: number[] = [];
  for (const o of orbits as number[][]) if (o.some(has)) out.push(...o);
  return out;
}
