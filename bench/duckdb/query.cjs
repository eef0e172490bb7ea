// DuckDB as a peer of the mlm tools (bench/duckdb_bench.sh), through
// @duckdb/node-api: runs one SQL query, in which the table `t` is the CSV
// file read with its header and its types sniffed (numbers as DOUBLE or
// BIGINT, labels as VARCHAR), on DUCKDB_THREADS threads (default 2), and
// prints each result row as tab-separated values, numbers in JavaScript's
// shortest round-trip form.
//
//   node query.cjs MODULE_DIR FILE SQL   (FILE "-": no table, e.g. SELECT 1;
//                                         SQL "@PATH": the query in file PATH,
//                                         for queries too long for argv)
//
// MODULE_DIR is where bench/duckdb/install.sh put node_modules: the package
// lives outside the repository, so it is loaded by path.
const fs = require("fs");
const path = require("path");

async function main([moduleDir, file, sql]) {
    const { DuckDBInstance } = require(path.join(moduleDir, "node_modules", "@duckdb", "node-api"));
    const threads = process.env.DUCKDB_THREADS || "2";
    const instance = await DuckDBInstance.create(":memory:", { threads });
    const con = await instance.connect();
    if (file !== "-") {
        const quoted = file.replaceAll("'", "''");
        await con.run(`CREATE VIEW t AS SELECT * FROM read_csv('${quoted}', header = true)`);
    }
    const query = sql.startsWith("@") ? fs.readFileSync(sql.slice(1), "utf8") : sql;
    const reader = await con.runAndReadAll(query);
    const lines = reader.getRowsJS().map((row) => row.map(String).join("\t"));
    process.stdout.write(lines.length ? lines.join("\n") + "\n" : "");
}

if (process.argv.length !== 5) {
    process.stderr.write("usage: node query.cjs MODULE_DIR FILE SQL\n");
    process.exit(2);
}
main(process.argv.slice(2)).catch((e) => {
    process.stderr.write(`duckdb: ${e.message}\n`);
    process.exit(1);
});
