// Writes an index.yaml shaped like bitnami's (Helm's go-yaml layout: sequences not indented,
// long plain scalars folded onto continuation lines, quoted dates, annotations, dependencies)
// of about the requested size. Deterministic.
export function generateIndex(targetBytes = 20 * 1024 * 1024, charts = 150) {
  const parts = ["apiVersion: v1\nentries:\n"];
  const perChart = Math.ceil(targetBytes / charts);
  for (let c = 0; c < charts; c++) {
    const name = `chart-${String(c).padStart(3, "0")}`;
    parts.push(`  ${name}:\n`);
    let chartSize = 0;
    for (let v = 0; chartSize < perChart; v++) {
      const version = `${Math.floor(v / 100)}.${Math.floor(v / 10) % 10}.${v % 10}`;
      const e =
        "  - annotations:\n" +
        "      category: Database\n" +
        `      images: |\n        - name: ${name}\n          image: docker.io/bitnami/${name}:${version}-debian-12-r${v}\n` +
        "      licenses: Apache-2.0\n" +
        "    apiVersion: v2\n" +
        `    appVersion: ${version}\n` +
        `    created: "2024-01-${String((v % 28) + 1).padStart(2, "0")}T10:11:12.123456789Z"\n` +
        "    dependencies:\n" +
        "    - name: common\n      repository: oci://registry-1.docker.io/bitnamicharts\n" +
        "      tags:\n      - bitnami-common\n      version: 2.x.x\n" +
        `    description: ${name} is an open source object-relational database known for reliability\n` +
        "      and data integrity. ACID-compliant, it supports foreign keys, joins, views,\n" +
        "      triggers and stored procedures.\n" +
        `    digest: ${(c * 100003 + v).toString(16).padStart(64, "0")}\n` +
        `    home: https://bitnami.com\n    icon: https://bitnami.com/assets/stacks/${name}/img/${name}-stack-220x234.png\n` +
        "    keywords:\n    - database\n    - sql\n    - replication\n" +
        "    maintainers:\n    - name: Broadcom, Inc. All Rights Reserved.\n      url: https://github.com/bitnami/charts\n" +
        `    name: ${name}\n` +
        `    sources:\n    - https://github.com/bitnami/charts/tree/main/bitnami/${name}\n` +
        `    urls:\n    - https://charts.bitnami.com/bitnami/${name}-${version}.tgz\n` +
        `    version: ${version}\n`;
      parts.push(e);
      chartSize += e.length;
    }
  }
  parts.push('generated: "2024-02-01T00:00:00.000000000Z"\n');
  return parts.join("");
}
