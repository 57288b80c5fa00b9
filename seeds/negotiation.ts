import * as Y from "yjs";
import { newId } from "../lib/ids";
import { createAnchor, findBlock, blockPlainText } from "../lib/negotiation/anchor";
import type { AmendmentOp, AnnotationKind } from "../lib/negotiation/types";
import type { Db } from "../server/db/client";
import { addCosponsor, insertAnnotation } from "../server/db/annotations";
import { delegationByCode } from "../server/db/delegations";
import type { EventLog } from "../server/db/event-log";
import type { Block } from "../lib/model/types";

interface SeedPosition {
  /** Words of the OSCE decision the position is anchored to (must occur once). */
  quote: string;
  kind: AnnotationKind;
  op?: AmendmentOp;
  proposedText?: string;
  author: string;
  cosponsors?: string[];
  /** Taken from the positions in the other sample statements. */
  body: string;
}

/**
 * A negotiation in progress on the OSCE decision, built from positions the sample
 * statements actually take: the joint statement's objection to human-rights language, its
 * call for capacity-building language, the CSTO line on stakeholders, and Albania's support
 * for a Programme of Action and for human rights online.
 */
export const SEED_POSITIONS: SeedPosition[] = [
  {
    quote: "their responsibilities to respect human rights and fundamental freedoms",
    kind: "objection",
    author: "BLR",
    cosponsors: ["BDI", "CHN", "CUB", "PRK", "IRN", "NIC", "RUS", "SDN", "SYR", "VEN"],
    body: "We are disappointed by the inclusion of language on human rights ... despite clear disagreement of like-minded delegations. Such contentious topics should not have been incorporated without achieving a consensus.",
  },
  {
    quote: "their responsibilities to respect human rights and fundamental freedoms",
    kind: "support",
    author: "ALB",
    body: "Albania's firm position is for a global, open, free, stable and secure cyberspace where international law, including respect for human rights and fundamental freedoms, fully applies.",
  },
  {
    quote: "as a practical platform for reducing risks of conflict",
    kind: "amendment",
    op: "insert",
    proposedText: ", and in support of a United Nations Programme of Action to advance responsible State behaviour,",
    author: "ALB",
    body: "Albania expresses its full support for establishing a Programme of Action, a permanent mechanism that could be instrumental in bringing resilience and stability to cyberspace.",
  },
  {
    quote: "to enhance pertinent national capabilities and processes",
    kind: "amendment",
    op: "replace",
    proposedText: "to enhance pertinent national capabilities and processes, including through capacity-building",
    author: "RUS",
    cosponsors: ["BLR", "ARM", "KAZ", "KGZ", "TJK"],
    body: "The deletion of capacity-building-related language across sections risks undermining the significance of capacity-building and its potential to address critical challenges.",
  },
  {
    quote: "as well as public and private sectors",
    kind: "reservation",
    author: "RUS",
    body: "The role of other interested parties in ensuring information security should not be overestimated: negotiation and decision-making are exclusive prerogatives of States.",
  },
];

/** Adds the seeded positions to the OSCE decision; anchors are made on its initial state. */
export function seedNegotiation(
  db: Db,
  events: EventLog,
  documentId: string,
  initialState: Uint8Array,
  blocks: readonly Block[],
  authors: ReadonlyMap<string, string>,
): number {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, initialState);
  let created = 0;
  for (const pos of SEED_POSITIONS) {
    const block = blocks.find((b) => blockPlainText(findBlock(doc, b.id)?.text ?? null).includes(pos.quote));
    const author = delegationByCode(db, pos.author);
    const userId = authors.get(pos.author);
    if (!block || !author || !userId) throw new Error(`seed position not placeable: ${pos.quote}`);
    const text = blockPlainText(findBlock(doc, block.id)!.text);
    const at = text.indexOf(pos.quote);
    const [from, to] = pos.op === "insert" ? [at + pos.quote.length, at + pos.quote.length] : [at, at + pos.quote.length];
    const anchor = createAnchor(doc, block.id, from, to);
    const id = newId();
    const now = Date.now();
    insertAnnotation(db, {
      id,
      documentId,
      blockId: block.id,
      kind: pos.kind,
      op: pos.op ?? null,
      proposedText: pos.proposedText ?? null,
      anchorStart: anchor.start,
      anchorEnd: anchor.end,
      quote: anchor.quote,
      body: pos.body,
      authorUserId: userId,
      authorDelegationId: author.id,
      createdAt: now,
      updatedAt: now,
    });
    events.append({ documentId, action: "created", annotationId: id, blockId: block.id, userId, delegationId: author.id, payload: { kind: pos.kind, seeded: true } });
    for (const code of pos.cosponsors ?? []) {
      const d = delegationByCode(db, code);
      if (!d) continue;
      addCosponsor(db, { annotationId: id, delegationId: d.id, userId, createdAt: now });
      events.append({ documentId, action: "cosponsored", annotationId: id, userId, delegationId: d.id, payload: { seeded: true } });
    }
    created += 1;
  }
  doc.destroy();
  return created;
}
