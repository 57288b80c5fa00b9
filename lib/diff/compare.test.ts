import { describe, expect, it } from "vitest";
import { align, PAIR_THRESHOLD } from "./align";
import { compareParagraphs, type ComparableParagraph } from "./compare";
import { similarity, wordDiff } from "./word-diff";

const P = (id: string, text: string, number: string | null = null, kind = "operative"): ComparableParagraph => ({ id, kind, number, text });
const base = [
  P("a", "Continue to implement all decisions on confidence-building measures", "OP1"),
  P("b", "Identify ways of strengthening the work of the OSCE as a practical platform", "OP2"),
  P("c", "Encourage executive OSCE structures to assist participating States", "OP3"),
  P("d", "Invite the OSCE Partners for Co-operation to enhance dialogue", "OP4"),
  P("e", "Request the Secretary General to report on implementation", "OP5"),
];
const kinds = (r: ReturnType<typeof compareParagraphs>) => r.pairs.map((p) => p.classification);

describe("compareParagraphs", () => {
  it("identical versions are all unchanged", () => {
    const r = compareParagraphs(base, base);
    expect(kinds(r)).toEqual(Array(5).fill("unchanged"));
    expect(r.summary).toMatchObject({ unchanged: 5, modified: 0 });
    expect(r.truncated).toBe(false);
  });

  it("one word replaced: word-level ops, no word split", () => {
    const to = base.map((p) => (p.id === "b" ? { ...p, text: p.text.replace("practical", "pragmatic") } : p));
    const pair = compareParagraphs(base, to).pairs[1]!;
    expect(pair.classification).toBe("modified");
    expect(pair.ops).toEqual([
      [0, "Identify ways of strengthening the work of the OSCE as a "],
      [-1, "practical"],
      [1, "pragmatic"],
      [0, " platform"],
    ]);
  });

  it("added and deleted paragraphs keep their places", () => {
    const to = [base[0]!, P("x", "Decide to remain seized of the matter", "OP2"), base[1]!, base[3]!, base[4]!];
    const r = compareParagraphs(base, to);
    expect(kinds(r)).toEqual(["unchanged", "added", "unchanged", "deleted", "unchanged", "unchanged"]);
    expect(r.pairs[3]!.from[0]!.id).toBe("c");
  });

  it("a moved paragraph is 'moved', the others unchanged", () => {
    const to = [base[0]!, base[2]!, base[3]!, base[4]!, base[1]!];
    const r = compareParagraphs(base, to);
    expect(r.summary).toMatchObject({ moved: 1, unchanged: 4 });
    expect(r.pairs.find((p) => p.classification === "moved")!.from[0]!.id).toBe("b");
  });

  it("a paragraph deleted after one that moved shows where it was, next to its neighbour that stayed", () => {
    // b moves to the end; c, which followed b, is deleted: it belongs after a, not after b's new place.
    const to = [base[0]!, base[3]!, base[4]!, base[1]!];
    const r = compareParagraphs(base, to);
    expect(r.pairs.map((p) => [p.classification, (p.to[0] ?? p.from[0])!.id])).toEqual([
      ["unchanged", "a"],
      ["deleted", "c"],
      ["unchanged", "d"],
      ["unchanged", "e"],
      ["moved", "b"],
    ]);
  });

  it("split (id kept on the first half) and merge", () => {
    const split = [base[0]!, P("b", "Identify ways of strengthening the work of the OSCE"), P("b2", "as a practical platform"), ...base.slice(2)];
    const r = compareParagraphs(base, split);
    const pair = r.pairs.find((p) => p.classification === "split")!;
    expect(pair.from.map((p) => p.id)).toEqual(["b"]);
    expect(pair.to.map((p) => p.id)).toEqual(["b", "b2"]);
    const back = compareParagraphs(split, base);
    expect(back.pairs.find((p) => p.classification === "merged")!.from.map((p) => p.id)).toEqual(["b", "b2"]);
  });

  it("a new paragraph typed at the start of another and split off by Enter (the id stays on the new words) is added, the old words unchanged", () => {
    const to = [base[0]!, P("b", "Welcome the work of the informal working group", "OP2"), P("b9", base[1]!.text, "OP3"), ...base.slice(2)];
    const r = compareParagraphs(base, to);
    expect(r.pairs.slice(0, 3).map((p) => [p.classification, p.from.map((q) => q.id), p.to.map((q) => q.id)])).toEqual([
      ["unchanged", ["a"], ["a"]],
      ["added", [], ["b"]],
      ["unchanged", ["b"], ["b9"]],
    ]);
    expect(r.summary.split).toBe(0);
    // An id whose words were rewritten, with no copy of the old words next to it, stays a modification.
    const rewritten = compareParagraphs(base, [base[0]!, P("b", "Welcome the work of the informal working group", "OP2"), ...base.slice(2)]);
    expect(rewritten.pairs[1]!.classification).toBe("modified");
  });

  it("a short paragraph joined to a long one is a merge (and cut off one, a split), not an edit plus a deletion", () => {
    const long = "Calls upon all participating States to implement the confidence-building measures adopted in 2013 and 2016 in good faith";
    const from = [P("a", long), P("s", "without delay;"), P("z", "Decides to remain seized of the matter.")];
    const to = [P("a", `${long} without delay;`), P("z", "Decides to remain seized of the matter.")];
    const merged = compareParagraphs(from, to);
    expect(merged.pairs.map((p) => p.classification)).toEqual(["merged", "unchanged"]);
    expect(merged.pairs[0]!.ops).toBeUndefined();
    const split = compareParagraphs(to, from);
    expect(split.pairs.map((p) => [p.classification, p.to.map((q) => q.id)])).toEqual([
      ["split", ["a", "s"]],
      ["unchanged", ["z"]],
    ]);
    // An edit that is not a join stays an edit.
    const edited = compareParagraphs(from, [P("a", `${long} and without conditions`), from[2]!]);
    expect(edited.pairs.map((p) => p.classification)).toEqual(["modified", "deleted", "unchanged"]);
  });

  it("two imported texts without common ids: edited paragraphs are modified, not replaced", () => {
    const from = base.map((p, i) => ({ ...p, id: `old${i}` }));
    const to = base.map((p, i) => ({ ...p, id: `new${i}`, text: i === 2 ? p.text.replace("assist", "help") : p.text }));
    const r = compareParagraphs(from, to);
    expect(r.summary).toMatchObject({ unchanged: 4, modified: 1, added: 0, deleted: 0 });
  });

  it("an unchanged phrase between two long rewrites stays unchanged (not struck and inserted again); a lone word between edits is folded", () => {
    const from = "Call upon participating States to strengthen cooperation in addressing risks of conflict stemming from the use of information and communication technologies, in accordance with their obligations.";
    const to = "Encourage all participating States and the Partners for Co-operation to intensify their joint efforts on reducing the risks stemming from the use of information and communication technologies, taking into account the work of other international bodies and regional organizations.";
    const { ops } = wordDiff(from, to);
    expect(ops).toContainEqual([0, " stemming from the use of information and communication technologies, "]);
    expect(ops.filter(([op]) => op === -1).map(([, t]) => t).join("")).not.toContain("stemming");
    // Every op reassembles both texts.
    expect(ops.filter(([op]) => op !== 1).map(([, t]) => t).join("")).toBe(from);
    expect(ops.filter(([op]) => op !== -1).map(([, t]) => t).join("")).toBe(to);
    expect(wordDiff("decides to convene a meeting", "agrees and resolves to hold a session")).toEqual({
      ops: [[-1, "decides to convene a meeting"], [1, "agrees and resolves to hold a session"]],
      truncated: false,
      level: "word",
    });
  });

  it("an ambiguous insertion or deletion is placed as far left as it goes", () => {
    expect(wordDiff("consistent with the UN Charter and the international law", "consistent with the international law").ops).toEqual([
      [0, "consistent with "],
      [-1, "the UN Charter and "],
      [0, "the international law"],
    ]);
    expect(wordDiff("a b", "a b b").ops).toEqual([
      [0, "a "],
      [1, "b "],
      [0, "b"],
    ]);
  });

  it("Chinese is diffed by character; a timeout is reported", () => {
    expect(wordDiff("继续执行所有决定", "继续落实所有决定")).toMatchObject({ level: "character", ops: [[0, "继续"], [-1, "执行"], [1, "落实"], [0, "所有决定"]] });
    const long = (seed: number) => Array.from({ length: 20000 }, (_, i) => `w${(i * seed) % 7919}`).join(" ");
    expect(wordDiff(long(31), long(37), 0.0001).truncated).toBe(true);
  });

  it("more distinct tokens than diff-match-patch can map falls back to characters", () => {
    const a = Array.from({ length: 70000 }, (_, i) => `t${i}`).join(" ");
    const b = `${a} end`;
    const d = wordDiff(a, b, 5);
    expect(d.level).toBe("character");
    expect(d.ops.filter(([op]) => op !== -1).map(([, t]) => t).join("")).toBe(b);
  });
});

describe("words moved from one paragraph to another", () => {
  const from = [
    P("a", "The Group met in New York. The Chair recalled the cumulative and evolving framework.", "1.", "paragraph"),
    P("b", "States reaffirmed that international law is applicable.", "2.", "paragraph"),
    P("c", "States should continue to meet.", "3.", "paragraph"),
  ];
  const to = [
    P("a", "The Group met in New York.", "1.", "paragraph"),
    P("b", "States reaffirmed that international law is applicable. The Chair recalled the cumulative and evolving framework.", "2.", "paragraph"),
    P("c", "States shall continue to meet.", "3.", "paragraph"),
  ];

  it("names a sentence taken out of one paragraph and put in another, on both, with the other paragraph's number", () => {
    const pairs = compareParagraphs(from, to).pairs;
    expect(pairs.map((p) => p.classification)).toEqual(["modified", "modified", "modified"]);
    // Named by its words (the diff may cut the punctuation around it either side).
    const sentence = "The Chair recalled the cumulative and evolving framework";
    expect(pairs[0]!.textMoves).toEqual([{ direction: "to", number: "2.", text: sentence }]);
    expect(pairs[1]!.textMoves).toEqual([{ direction: "from", number: "1.", text: sentence }]);
    // A word replaced is not a move.
    expect(pairs[2]!.textMoves).toBeUndefined();
  });

  it("does not take a few common words deleted here and inserted there for a move", () => {
    const a = [P("a", "States shall meet annually in New York.", "1."), P("b", "States will report.", "2.")];
    const b = [P("a", "States meet annually in New York.", "1."), P("b", "States shall report.", "2.")];
    expect(compareParagraphs(a, b).pairs.map((p) => p.textMoves)).toEqual([undefined, undefined]);
  });
});

describe("long comparisons", () => {
  /** A deterministic pseudo-random source. */
  function rng(seed: number) {
    return (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
  }

  /** The pairing as it was before word sets were read once per paragraph: every pair scored from its texts. */
  function naiveMatch(from: ComparableParagraph[], to: ComparableParagraph[]): Map<number, number> {
    const match = new Map<number, number>();
    const toById = new Map(to.map((q, j) => [q.id, j]));
    from.forEach((p, i) => {
      const j = toById.get(p.id);
      if (j !== undefined && p.id) match.set(i, j);
    });
    const matchedTo = new Set(match.values());
    const candidates: [number, number, number][] = [];
    from.forEach((p, i) => {
      if (match.has(i)) return;
      to.forEach((q, j) => {
        if (matchedTo.has(j)) return;
        const s = similarity(p.text, q.text);
        if (s >= PAIR_THRESHOLD) candidates.push([s, i, j]);
      });
    });
    candidates.sort((a, b) => b[0] - a[0] || Math.abs(a[1] - a[2]) - Math.abs(b[1] - b[2]));
    for (const [, i, j] of candidates) {
      if (match.has(i) || matchedTo.has(j)) continue;
      match.set(i, j);
      matchedTo.add(j);
    }
    return match;
  }

  it("pairs paragraphs without ids in common as scoring every pair from its texts did (200 random revisions)", () => {
    const random = rng(11);
    const vocabulary = "the States shall further develop norms of responsible behaviour in the use of information and communications technologies recalls urges all international law applies".split(" ");
    const sentence = (n: number) => Array.from({ length: n }, () => vocabulary[random(vocabulary.length)]).join(" ");
    let paired = 0;
    for (let round = 0; round < 200; round++) {
      const from = Array.from({ length: 3 + random(12) }, (_, i) => P(`a${round}-${i}`, sentence(1 + random(25))));
      const to = from
        .filter(() => random(6) > 0)
        .map((p, i) => {
          const words = p.text.split(" ");
          // Kept, edited, or rewritten; re-imported (a new id) or not.
          const text = random(3) === 0 ? p.text : random(2) ? [...words.slice(0, random(words.length + 1)), sentence(random(6))].join(" ") : sentence(1 + random(25));
          return P(random(2) ? p.id : `b${round}-${i}`, text);
        });
      for (let k = random(3); k > 0; k--) to.splice(random(to.length + 1), 0, P(`c${round}-${k}`, sentence(1 + random(20))));
      const expected = naiveMatch(from, to);
      expect(align(from, to).match).toEqual(expected);
      paired += expected.size;
    }
    expect(paired).toBeGreaterThan(500);
  });

  it("stops diffing word by word when the comparison's time is spent, and says so", () => {
    const from = Array.from({ length: 6 }, (_, i) => P(`p${i}`, `Urges all States to further develop norms number ${i}`));
    const to = from.map((p) => P(p.id, p.text.replace("further develop", "develop further")));
    // A clock that moves 0.4 s each time it is read: the 1 s budget is spent after two diffs.
    let t = 0;
    const result = compareParagraphs(from, to, { budgetSeconds: 1, now: () => (t += 400) });
    expect(result.truncated).toBe(true);
    const ops = result.pairs.map((p) => p.ops);
    // The first paragraphs word by word (their unchanged words kept)…
    expect(ops[0]).toContainEqual([0, "Urges all States to "]);
    // …the last one replaced whole.
    expect(ops[5]).toEqual([
      [-1, from[5]!.text],
      [1, to[5]!.text],
    ]);
    expect(result.pairs.every((p) => p.classification === "modified")).toBe(true);
    // With time to spare, nothing is cut short.
    expect(compareParagraphs(from, to).truncated).toBe(false);
  });

  it("pairs a text imported again (every id new) with itself, word for word", () => {
    const from = Array.from({ length: 50 }, (_, i) => P(`old${i}`, `Recalls its resolution 70/${i % 7} and urges all States`));
    const to = from.map((p, i) => P(`new${i}`, p.text));
    const result = compareParagraphs(from, to);
    expect(result.summary.unchanged).toBe(50);
    expect(result.pairs.map((p) => [p.from[0]!.index, p.to[0]!.index])).toEqual(from.map((_, i) => [i, i]));
  });
});
