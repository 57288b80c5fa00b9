/**
 * A scale fixture as a chair meets it in an Open-ended Working Group: a 300-paragraph report,
 * 50 delegations each with one delegate account (`dNN@scale.test`, password plenary-demo),
 * 100 tracked changes (insertions, deletions, replacements) from 40 delegations in the
 * stored text, and 100 open positions (objections, amendments, reservations, supports,
 * comments). Written through the server's own repositories into DATA_DIR while the server
 * is stopped; prints the document id. Run: DATA_DIR=/tmp/scale-data npx tsx bench/scale/session.ts
 */
import * as Y from "yjs";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { eq } from "drizzle-orm";
import { newId } from "../../lib/ids";
import { documentSchema, FRAGMENT_NAME } from "../../lib/editor/schema";
import { createAnchor, findBlock, blockPlainText } from "../../lib/negotiation/anchor";
import { createAccount } from "../../server/auth";
import { delegationByCode, upsertDelegation } from "../../server/db/delegations";
import { grantRole, insertDocument } from "../../server/db/documents";
import { documents } from "../../server/db/schema";
import { setUserDelegation, userByEmail } from "../../server/db/users";
import { insertAnnotation } from "../../server/db/annotations";
import { openStandalone } from "../../server/standalone";
import { seedDatabase } from "../../seeds/seed";
import { DEMO_PASSWORD } from "../../seeds/delegations";

const PARAGRAPHS = Number(process.env.SCALE_PARAGRAPHS ?? 300);
const DELEGATIONS = Number(process.env.SCALE_DELEGATIONS ?? 50);
const TRACKED = Number(process.env.SCALE_TRACKED ?? 100);
const POSITIONS = Number(process.env.SCALE_POSITIONS ?? 100);

const words =
  "the States participating in the Open-ended Working Group reaffirm that international law and in particular the Charter of the United Nations is applicable and essential to maintaining peace and stability".split(" ");
const para = (i: number) => Array.from({ length: 40 }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(" ");

const rt = await openStandalone();
await seedDatabase(rt);
const { db, auth, updateLog } = rt;
const chair = userByEmail(db, "chair@example.org")!;
const codes: string[] = [];
const delegates: { userId: string; delegationId: string; code: string }[] = [];
for (let i = 0; i < DELEGATIONS; i++) {
  const code = `S${String(i).padStart(2, "0")}`;
  const hue = (i * 137) % 360;
  const color = `#${[0, 120, 240].map((s) => Math.round(80 + 60 * Math.cos(((hue + s) * Math.PI) / 180)).toString(16).padStart(2, "0")).join("")}`;
  const id = delegationByCode(db, code)?.id ?? newId();
  upsertDelegation(db, { id, code, name: `State ${String(i).padStart(2, "0")}`, kind: "state", color });
  const email = `d${String(i).padStart(2, "0")}@scale.test`;
  const userId = userByEmail(db, email)?.id ?? (await createAccount(auth, { email, name: `Delegate of State ${String(i).padStart(2, "0")}`, password: DEMO_PASSWORD }));
  setUserDelegation(db, userId, id);
  codes.push(code);
  delegates.push({ userId, delegationId: id, code });
}

// The text, with tracked changes as marks carrying delegation and id (what suggest mode writes).
type Mark = { type: string; attrs?: Record<string, unknown> };
const blocks = Array.from({ length: PARAGRAPHS }, (_, i) => ({ id: newId(), kind: i < 20 ? "preambular" : "operative", text: para(i) }));
const trackedAt = new Map<number, { kind: "ins" | "del" | "rep"; code: string }>();
for (let t = 0; t < TRACKED; t++) trackedAt.set((t * 3 + 1) % PARAGRAPHS, { kind: (["ins", "del", "rep"] as const)[t % 3], code: codes[t % 40]! });
const json = {
  type: "doc",
  content: [
    { type: "title", attrs: { id: newId() }, content: [{ type: "text", text: "Draft report of the Open-ended Working Group (scale fixture)" }] },
    ...blocks.map((b, i) => {
      const tc = trackedAt.get(i);
      if (!tc) return { type: b.kind, attrs: { id: b.id }, content: [{ type: "text", text: b.text }] };
      const cut = b.text.indexOf(" ", 60);
      const cut2 = b.text.indexOf(" ", cut + 20);
      const sid = newId();
      const del: Mark[] = [{ type: "deletion", attrs: { id: sid, delegation: tc.code } }];
      const ins: Mark[] = [{ type: "insertion", attrs: { id: sid, delegation: tc.code } }];
      const pieces =
        tc.kind === "ins"
          ? [{ type: "text", text: b.text.slice(0, cut) }, { type: "text", text: " and confidence-building measures", marks: ins }, { type: "text", text: b.text.slice(cut) }]
          : tc.kind === "del"
            ? [{ type: "text", text: b.text.slice(0, cut) }, { type: "text", text: b.text.slice(cut, cut2), marks: del }, { type: "text", text: b.text.slice(cut2) }]
            : [
                { type: "text", text: b.text.slice(0, cut) },
                { type: "text", text: b.text.slice(cut, cut2), marks: del },
                { type: "text", text: " as appropriate", marks: ins },
                { type: "text", text: b.text.slice(cut2) },
              ];
      return { type: b.kind, attrs: { id: b.id }, content: pieces };
    }),
  ],
};
const ydoc = new Y.Doc();
ydoc.transact(() => prosemirrorJSONToYXmlFragment(documentSchema(), json, ydoc.getXmlFragment(FRAGMENT_NAME)));
const documentId = newId();
db.transaction(() => {
  insertDocument(db, { id: documentId, title: "Draft report of the OEWG (scale fixture)", symbol: "A/AC.292/2026/CRP.9", date: null, place: null, originalLanguage: null, seedKey: null, createdBy: chair.id });
  grantRole(db, documentId, chair.id, "chair", null, chair.id);
  updateLog.append([{ documentId, userId: chair.id, delegationId: null, data: Y.encodeStateAsUpdate(ydoc) }]);
});
db.update(documents).set({ editingMode: "open_drafting" }).where(eq(documents.id, documentId)).run();
for (const d of delegates) grantRole(db, documentId, d.userId, "delegate", d.delegationId, chair.id);
for (const email of ["albania@example.org", "belarus@example.org", "russian-federation@example.org", "observer@example.org"]) {
  const u = userByEmail(db, email)!;
  const role = email.startsWith("observer") ? "observer" : "delegate";
  const code = { albania: "ALB", belarus: "BLR", "russian-federation": "RUS" }[email.split("@")[0]!];
  grantRole(db, documentId, u.id, role, code ? delegationByCode(db, code)!.id : null, chair.id);
}

const kinds = ["objection", "amendment", "reservation", "support", "comment"] as const;
for (let p = 0; p < POSITIONS; p++) {
  const b = blocks[(p * 7 + 2) % PARAGRAPHS]!;
  const text = blockPlainText(findBlock(ydoc, b.id)!.text);
  const from = (p * 13) % 40;
  const anchor = createAnchor(ydoc, b.id, from, from + 25);
  const kind = kinds[p % kinds.length]!;
  const author = delegates[(p * 11) % delegates.length]!;
  const now = Date.now() - (POSITIONS - p) * 1000;
  insertAnnotation(db, {
    id: newId(),
    documentId,
    blockId: b.id,
    kind,
    op: kind === "amendment" ? "replace" : null,
    proposedText: kind === "amendment" ? "in accordance with international law" : null,
    anchorStart: anchor.start,
    anchorEnd: anchor.end,
    quote: anchor.quote || text.slice(from, from + 25),
    body: `Position ${p + 1}: the delegation ${kind === "support" ? "supports" : "cannot accept"} this wording as drafted.`,
    authorUserId: author.userId,
    authorDelegationId: author.delegationId,
    createdAt: now,
    updatedAt: now,
  });
}
rt.close();
console.log(documentId);
