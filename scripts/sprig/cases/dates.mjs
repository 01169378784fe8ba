/** Date functions on fixed instants (the generator runs Go and Helm with TZ=UTC; tests set it too). */
const c = (name, template, data) => ({ name, template, data });
const T = '(toDate "2006-01-02T15:04:05Z07:00" "2024-03-05T07:08:09+01:00")';

export const cases = [
  c("toDate-print", `{{ ${T} }}`),
  c("toDate-type", `{{ ${T} | typeOf }} {{ kindOf ${T} }}`),
  c("toDate-local", '{{ toDate "2006-01-02" "2024-03-05" }}'),
  c("toDate-bad", '{{ toDate "2006-01-02" "nope" }}'),
  c("mustToDate-bad", '{{ mustToDate "2006-01-02" "2024-13-01" }}'),
  c("mustToDate-extra", '{{ mustToDate "2006-01-02" "2024-01-01x" }}'),
  c(
    "date-layouts",
    `{{ date "2006-01-02 15:04:05" ${T} }}|{{ date "Jan 2, 2006 at 3:04pm (MST)" ${T} }}|{{ date "Monday January _2 06" ${T} }}`,
  ),
  c(
    "date-layouts-2",
    `{{ date "02/01/2006 03PM -0700 Z07:00" ${T} }}|{{ date "2006-01-02T15:04:05.000Z07:00" ${T} }}|{{ date "002 .999" ${T} }}`,
  ),
  c("dateInZone-utc", `{{ dateInZone "2006-01-02 15:04 MST" ${T} "UTC" }}`),
  c(
    "dateInZone-zone",
    `{{ dateInZone "2006-01-02 15:04 -07:00" ${T} "America/New_York" }} {{ dateInZone "15:04 -07:00" ${T} "Asia/Kolkata" }}`,
  ),
  c("dateInZone-bad-zone", `{{ dateInZone "15:04 MST" ${T} "Nowhere/Zone" }}`),
  c("date_in_zone", `{{ date_in_zone "2006" ${T} "UTC" }}`),
  c("dateInZone-unix-int", '{{ dateInZone "2006-01-02T15:04:05Z07:00" 1700000000 "UTC" }}'),
  c("dateInZone-unix-int64", '{{ dateInZone "2006-01-02 15:04:05" (int64 86400) "UTC" }}'),
  c("htmlDate", `{{ htmlDate ${T} }} {{ htmlDateInZone ${T} "Pacific/Auckland" }}`),
  c("unixEpoch", `{{ unixEpoch ${T} }}`),
  c("dateModify", `{{ ${T} | dateModify "-1.5h" | date "15:04:05" }} {{ ${T} | date_modify "90m" | date "15:04" }}`),
  c("dateModify-bad", `{{ ${T} | dateModify "soon" | date "15:04" }}`),
  c("mustDateModify-bad", `{{ ${T} | mustDateModify "soon" }}`),
  c("mustDateModify", `{{ ${T} | mustDateModify "24h" | date "2006-01-02" }}`),
  c("dateModify-wrong-type", '{{ dateModify "1h" "2024-01-01" }}'),
  c(
    "duration",
    '{{ duration "95" }} {{ duration "3600" }} {{ duration "0" }} {{ duration "x" }} {{ duration (int64 86461) }}',
  ),
  c("duration-float", "{{ duration .s }}", { s: 95 }),
  c(
    "durationRound",
    '{{ durationRound "2h10m" }} {{ durationRound "400h" }} {{ durationRound "10000h" }} {{ durationRound "1s" }} {{ durationRound "61s" }} {{ durationRound "-3h" }} {{ durationRound "x" }}',
  ),
  c("durationRound-int64", "{{ durationRound (int64 3600000000000) }} {{ durationRound (mul 1000000000 90) }}"),
  c("now-type", "{{ now | typeOf }}"),
  c("now-year", '{{ now | date "2006" | len }}'),
  c("ago-now", "{{ ago now }}"),
];
