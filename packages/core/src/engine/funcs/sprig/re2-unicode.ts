/**
 * Go's \p{name} lookup (regexp/syntax unicodeTable, Go 1.25 as in Helm 4.1.4): general categories
 * and their long aliases, scripts, Any, ASCII, Assigned, Cn and LC, matched ignoring case, spaces,
 * underscores and hyphens (Unicode TR18). The answer is a JS class body (u flag) and whether it is
 * negated; an unknown name is undefined (Go: invalid character class range).
 */

/** Go's unicode.Scripts keys (Unicode 15: Go 1.19's list plus the scripts of Unicode 14 and 15). */
const scripts =
  `Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak Bengali Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid Canadian_Aboriginal Carian Caucasian_Albanian Chakma Cham Cherokee Chorasmian Common Coptic Cuneiform Cypriot Cyrillic Deseret Devanagari Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan Elymaic Ethiopic Georgian Glagolitic Gothic Grantha Greek Gujarati Gunjala_Gondi Gurmukhi Han Hangul Hanifi_Rohingya Hanunoo Hatran Hebrew Hiragana Imperial_Aramaic Inherited Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kannada Katakana Kayah_Li Kharoshthi Khitan_Small_Script Khmer Khojki Khudawadi Lao Latin Lepcha Limbu Linear_A Linear_B Lisu Lycian Lydian Mahajani Makasar Malayalam Mandaic Manichaean Marchen Masaram_Gondi Medefaidrin Meetei_Mayek Mende_Kikakui Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi Mongolian Mro Multani Myanmar Nabataean Nandinagari New_Tai_Lue Newa Nko Nushu Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Old_Hungarian Old_Italic Old_North_Arabian Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Oriya Osage Osmanya Pahawh_Hmong Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan Saurashtra Sharada Shavian Siddham SignWriting Sinhala Sogdian Sora_Sompeng Soyombo Sundanese Syloti_Nagri Syriac Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Takri Tamil Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta Ugaritic Vai Wancho Warang_Citi Yezidi Yi Zanabazar_Square  Cypro_Minoan Old_Uyghur Tangsa Toto Vithkuqi Kawi Nag_Mundari`
    .split(/\s+/)
    .filter(Boolean);

/** Category short names with their PropertyValueAliases long names. */
const categories: Record<string, string[]> = {
  C: ["Other"],
  Cc: ["Control", "cntrl"],
  Cf: ["Format"],
  Co: ["Private_Use"],
  Cs: ["Surrogate"],
  L: ["Letter"],
  Ll: ["Lowercase_Letter"],
  Lm: ["Modifier_Letter"],
  Lo: ["Other_Letter"],
  Lt: ["Titlecase_Letter"],
  Lu: ["Uppercase_Letter"],
  M: ["Mark", "Combining_Mark"],
  Mc: ["Spacing_Mark"],
  Me: ["Enclosing_Mark"],
  Mn: ["Nonspacing_Mark"],
  N: ["Number"],
  Nd: ["Decimal_Number", "digit"],
  Nl: ["Letter_Number"],
  No: ["Other_Number"],
  P: ["Punctuation", "punct"],
  Pc: ["Connector_Punctuation"],
  Pd: ["Dash_Punctuation"],
  Pe: ["Close_Punctuation"],
  Pf: ["Final_Punctuation"],
  Pi: ["Initial_Punctuation"],
  Po: ["Other_Punctuation"],
  Ps: ["Open_Punctuation"],
  S: ["Symbol"],
  Sc: ["Currency_Symbol"],
  Sk: ["Modifier_Symbol"],
  Sm: ["Math_Symbol"],
  So: ["Other_Symbol"],
  Z: ["Separator"],
  Zl: ["Line_Separator"],
  Zp: ["Paragraph_Separator"],
  Zs: ["Space_Separator"],
  Cn: ["Unassigned"],
  LC: ["Cased_Letter"],
};

export interface UnicodeClass {
  /** A JS class body (u flag). */
  body: string;
  negated: boolean;
}

const norm = (name: string): string => name.replace(/[ _-]/g, "").toLowerCase();

let table: Map<string, UnicodeClass> | undefined;

function build(): Map<string, UnicodeClass> {
  const t = new Map<string, UnicodeClass>();
  for (const s of scripts) t.set(norm(s), { body: `\\p{Script=${s}}`, negated: false });
  for (const [short, longs] of Object.entries(categories)) {
    // Go 1.25's C takes in unassigned code points, as JS's \p{C} does (Go 1.19's did not).
    const body = `\\p{${short}}`;
    for (const n of [short, ...longs]) t.set(norm(n), { body, negated: false });
  }
  t.set("any", { body: "\\u{0}-\\u{10FFFF}", negated: false });
  t.set("ascii", { body: "\\u{0}-\\u{7F}", negated: false });
  t.set("assigned", { body: "\\p{Cn}", negated: true });
  return t;
}

/** The class Go's \p{name} names, or undefined. */
export function unicodeClass(name: string): UnicodeClass | undefined {
  if (name === "" || /\s/.test(name)) return undefined;
  table ??= build();
  return table.get(norm(name));
}
