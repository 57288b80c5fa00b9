/**
 * `npm run bench`: figures measured in this run, each against a peer measured in the same
 * run. Prints medians of several rounds; nothing here is asserted (targets live in
 * BENCHMARKS.md, never in timed unit tests).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import DiffMatchPatch from "diff-match-patch";
import * as Y from "yjs";
import { Packer } from "docx";
import { compareParagraphs } from "../lib/diff";
import { buildCompilationDocx, buildDocx, buildPdf, buildRedlineDocx, toJson } from "../lib/exporter";
import { openDatabase } from "../server/db/client";
import { pdfFonts } from "../server/pdf-fonts";
import { UpdateLog } from "../server/db/update-log";
import { benchFanoutAll } from "./fanout/main";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void, rounds = 5): number {
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(out);
}

function row(name: string, ours: number, peer: number, peerName: string, unit = "ms"): void {
  console.log(`${name.padEnd(46)} ${ours.toFixed(2).padStart(9)} ${unit}   ${peerName}: ${peer.toFixed(2).padStart(9)} ${unit}   ratio ${(ours / peer).toFixed(2)}x`);
}

/** A 300-paragraph draft and a revision with 20% of paragraphs edited, some moved and deleted. */
function drafts() {
  const words = "the States participating in the Open-ended Working Group reaffirm that international law and in particular the Charter of the United Nations is applicable and essential to maintaining peace and stability".split(" ");
  const para = (i: number) => Array.from({ length: 40 }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(" ");
  const from = Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, kind: "operative", number: `OP${i + 1}`, text: para(i) }));
  const to = from
    .filter((_, i) => i % 50 !== 7)
    .map((p, i) => (i % 5 === 0 ? { ...p, text: p.text.replace("reaffirm", "recall").replace("peace", "security") } : p));
  to.splice(100, 0, { id: "new", kind: "operative", number: "OP0", text: para(999) });
  const [moved] = to.splice(20, 1);
  to.splice(200, 0, moved!);
  return { from, to };
}

function benchCompare(): void {
  const { from, to } = drafts();
  const ours = time(() => compareParagraphs(from, to));
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;
  const a = from.map((p) => p.text).join("\n");
  const b = to.map((p) => p.text).join("\n");
  const peer = time(() => dmp.diff_cleanupSemantic(dmp.diff_main(a, b)));
  const summary = compareParagraphs(from, to).summary;
  row("compare 300 paragraphs (20% edited)", ours, peer, "whole-text dmp char diff");
  console.log(`  classification: ${JSON.stringify(summary)}`);
}

function benchLog(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-bench-"));
  const { sqlite, close } = openDatabase(dir);
  sqlite.prepare("INSERT INTO documents (id, title) VALUES ('b', 'Bench')").run();
  const log = new UpdateLog(sqlite);
  const doc = new Y.Doc();
  const text = doc.getText("t");
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < 200; i++) text.insert(text.length, "x");
  const entries = updates.map((data) => ({ documentId: "b", userId: "u", delegationId: null, data }));
  const grouped = time(() => log.append(entries), 3) / entries.length;
  const single = time(() => entries.forEach((e) => log.append([e])), 3) / entries.length;
  row("append 200 updates, one transaction (per update)", grouped, single, "one transaction each");
  close();
  fs.rmSync(dir, { recursive: true, force: true });
}

async function timeAsync(fn: () => Promise<unknown>, rounds = 5): Promise<number> {
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(out);
}

async function benchExport(): Promise<void> {
  const { from, to } = drafts();
  const paragraphs = to.map((p) => ({ ...p, kind: "operative" as const, runs: [{ text: p.text }] }));
  const meta = { title: "Bench", symbol: "A/AC.292/2025/CRP.1", date: "1 July 2025", versionLabel: "Rev.2" };
  const json = time(() => toJson(meta, paragraphs));
  const docx = await timeAsync(() => Packer.toBuffer(buildDocx(meta, paragraphs)));
  const pairs = compareParagraphs(from, to).pairs;
  const sources = { from: from.map((p) => ({ ...p, runs: [{ text: p.text }] })), to: paragraphs };
  const redline = await timeAsync(() => Packer.toBuffer(buildRedlineDocx(meta, pairs, () => ({ author: "Chair", date: new Date(0).toISOString() }), sources)));
  const pdf = await timeAsync(() => buildPdf(meta, paragraphs, pdfFonts()));
  const rows = paragraphs.map((p, i) => ({
    paragraph: p,
    status: i % 3 === 0 ? "Agreed ad ref." : null,
    entries: i % 2 ? [] : [{ kind: "amendment", op: "replace", by: "Albania", cosponsors: ["Austria", "Belarus"], quote: "peace", proposedText: "peace and security", body: null, status: "open" }],
  }));
  const compilation = await timeAsync(() => Packer.toBuffer(buildCompilationDocx(meta, rows)));
  row("export 300 paragraphs to DOCX", docx, json, "JSON export");
  row("export 300 paragraphs to redline DOCX", redline, json, "JSON export");
  row("export 300 paragraphs to PDF", pdf, json, "JSON export");
  row("compilation of proposals, 300 rows (DOCX)", compilation, json, "JSON export");
}

console.log(`Plenary bench · ${new Date().toISOString()} · ${os.cpus().length} cores · Node ${process.version}`);
benchCompare();
benchLog();
await benchExport();
// Fan-out against @y/websocket-server, 100k-update open, RSS per document, idle unload
// (bench/fanout; alone: `npm run bench:fanout`).
// BENCH_SKIP_FANOUT=1 for the quick, in-process part only.
if (!process.env.BENCH_SKIP_FANOUT) await benchFanoutAll();
// Some client handle of the fan-out run outlives it (not found yet): end when the figures are out.
process.exit(process.exitCode ?? 0);
