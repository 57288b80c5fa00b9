import { describe, expect, it } from "vitest";
import { lostTypingNotice, missedSuggestionDecisions, pendingMissed, restoreNotice, statusSetNotice, suggestionDecisionNotice, suggestionWithdrawnNotice } from "./event-notices";

const numbers: Record<string, string> = { pp7: "PP7", op3: "3." };
const numberOf = (id: string) => numbers[id];

describe("what a restore tells the people who have the document open", () => {
  it("everyone: which version replaced the live text, and the version the text before it was saved as", () => {
    expect(restoreNotice("Rev.2", "Before restoring Rev.2")).toBe("The chair restored Rev.2: the live text was replaced by it (the text before was saved as “Before restoring Rev.2”).");
  });

  it("a delegate whose words went with the text: the words, by paragraph as the restored text numbers it", () => {
    expect(lostTypingNotice("Rev.2", [{ blockId: "pp7", text: " and  strongly urges" }, { blockId: "op3", text: "fully " }], numberOf)).toBe(
      "Your words “and strongly urges” in PP7 and “fully” in 3., typed as the chair restored Rev.2, were removed with the text they were typed in. Type them again if they are still wanted.",
    );
    // A paragraph the restored version does not have is not named.
    expect(lostTypingNotice("Rev.2", [{ blockId: "gone", text: "x".repeat(250) }], numberOf)).toBe(
      `Your words “${"x".repeat(200)}…”, typed as the chair restored Rev.2, were removed with the text they were typed in. Type them again if they are still wanted.`,
    );
  });

  it("nothing when no words, or only spaces, were lost", () => {
    expect(lostTypingNotice("Rev.2", [], numberOf)).toBeNull();
    expect(lostTypingNotice("Rev.2", [{ blockId: "pp7", text: "  " }], numberOf)).toBeNull();
  });
});

describe("what a delegation is told of the chair's decisions on its tracked changes", () => {
  const piece = (id: string, delegation: string, blockId: string, text: string, type: "insertion" | "deletion" = "insertion") => ({ id, type, delegation, blockId, text });
  const numberOf2 = (id: string) => ({ op1: "OP1", op2: "OP2", pp3: "PP3" })[id];

  it("one change: its kind, paragraph and words, and the reason of a rejection", () => {
    const rejected = { decision: "rejected" as const, reason: "Not agreed in informal consultations.", pieces: [piece("s1", "BLR", "op1", "fully")] };
    expect(suggestionDecisionNotice(rejected, "BLR", numberOf2)).toBe("The chair rejected your tracked insertion in OP1 (“fully”): “Not agreed in informal consultations.”");
    expect(suggestionDecisionNotice({ ...rejected, reason: "not now" }, "BLR", numberOf2)).toBe("The chair rejected your tracked insertion in OP1 (“fully”): “not now”.");
    // Drawn in two pieces (another delegation typed inside it): one change.
    const accepted = { decision: "accepted" as const, reason: null, pieces: [piece("s2", "BLR", "op1", "all the", "deletion"), piece("s2", "BLR", "op2", "relevant", "deletion")] };
    expect(suggestionDecisionNotice(accepted, "BLR", numberOf2)).toBe("The chair accepted your tracked deletion in OP1 and OP2 (“all the … relevant”).");
  });

  it("a replacement (words typed over a selection) is one change, told with the words it takes out and puts in", () => {
    const replaced = [piece("r1", "RUS", "pp3", "clarification of the meaning", "deletion"), piece("r1", "RUS", "pp3", "an explanation of the purpose")];
    expect(suggestionDecisionNotice({ decision: "rejected", reason: "Keep the original.", pieces: replaced }, "RUS", numberOf2)).toBe(
      "The chair rejected your tracked replacement of “clarification of the meaning” with “an explanation of the purpose” in PP3: “Keep the original.”",
    );
    expect(suggestionDecisionNotice({ decision: "accepted", reason: null, pieces: replaced }, "RUS", numberOf2)).toBe(
      "The chair accepted your tracked replacement of “clarification of the meaning” with “an explanation of the purpose” in PP3.",
    );
    expect(suggestionWithdrawnNotice(replaced, (code) => (code === "RUS" ? "Russian Federation" : code), numberOf2)).toBe(
      "Russian Federation withdrew its tracked replacement of “clarification of the meaning” with “an explanation of the purpose” in PP3.",
    );
  });

  it("several decided at once are counted in one notice for each delegation; nothing for a delegation with none", () => {
    const bulk = {
      decision: "accepted" as const,
      reason: null,
      pieces: [piece("s1", "BLR", "op1", "a"), piece("s2", "ALB", "op1", "b"), piece("s3", "BLR", "pp3", "c"), piece("s4", "BLR", "op1", "d")],
    };
    expect(suggestionDecisionNotice(bulk, "BLR", numberOf2)).toBe("The chair accepted 3 tracked changes of your delegation in OP1 and PP3.");
    expect(suggestionDecisionNotice(bulk, "ALB", numberOf2)).toBe("The chair accepted your tracked insertion in OP1 (“b”).");
    expect(suggestionDecisionNotice(bulk, "RUS", numberOf2)).toBeNull();
    // A paragraph gone since (its insertion rejected with it) is not named.
    expect(suggestionDecisionNotice({ decision: "rejected", reason: null, pieces: [piece("s5", "BLR", "gone", " ")] }, "BLR", numberOf2)).toBe("The chair rejected your tracked insertion.");
  });

  it("the chair is told of a withdrawal", () => {
    expect(suggestionWithdrawnNotice([piece("s1", "ALB", "op2", "Also ")], (code) => (code === "ALB" ? "Albania" : code), numberOf2)).toBe("Albania withdrew its tracked insertion in OP2 (“Also”).");
    expect(suggestionWithdrawnNotice([], (code) => code, numberOf2)).toBeNull();
  });
});

describe("what the chair is told when a status key took effect", () => {
  it("the paragraph and its status now", () => {
    expect(statusSetNotice("OP3", "agreed_ad_ref")).toBe("OP3 is now agreed ad ref.");
    expect(statusSetNotice("PP1", "bracketed")).toBe("PP1 is now bracketed.");
    expect(statusSetNotice("3.", "open")).toBe("Paragraph 3 is now open.");
    expect(statusSetNotice(null, "agreed")).toBe("The paragraph is now agreed.");
  });
});

describe("what a delegation is told, on coming back, of decisions on its tracked changes taken while it was away", () => {
  const piece = (id: string, blockId: string, text: string) => ({ id, type: "insertion" as const, delegation: "BLR", blockId, text });
  const numberOf3 = (id: string) => ({ op1: "OP1", op2: "OP2" })[id];
  const log = [
    { seq: 3, decision: "accepted" as const, reason: null, pieces: [piece("s1", "op1", "fully")] },
    { seq: 7, decision: "rejected" as const, reason: "Not agreed.", pieces: [piece("s2", "op1", "all")] },
    { seq: 9, decision: "accepted" as const, reason: null, pieces: [piece("s3", "op2", "and civil society")] },
    { seq: 12, decision: "accepted" as const, reason: null, pieces: [piece("s4", "op2", "relevant")] },
  ];

  it("only those after the last event the browser showed; one or two each as it was taken", () => {
    expect(missedSuggestionDecisions(log, 12)).toEqual([]);
    expect(missedSuggestionDecisions(log, 7)).toEqual(log.slice(2));
    const [first] = missedSuggestionDecisions(log, 9);
    expect(suggestionDecisionNotice(first!, "BLR", numberOf3, true)).toBe("While you were away, the chair accepted your tracked insertion in OP2 (“relevant”).");
  });

  it("past two, one notice for those accepted and one for those rejected, counted", () => {
    const missed = missedSuggestionDecisions(log, 0);
    expect(missed.map((m) => [m.decision, m.seq, m.reason, m.pieces.length])).toEqual([
      ["accepted", 12, null, 3],
      ["rejected", 7, "Not agreed.", 1],
    ]);
    expect(missed.map((m) => suggestionDecisionNotice(m, "BLR", numberOf3, true))).toEqual([
      "While you were away, the chair accepted 3 tracked changes of your delegation in OP1 and OP2.",
      "While you were away, the chair rejected your tracked insertion in OP1 (“all”): “Not agreed.”",
    ]);
  });

  it("those not told yet are kept by the browser and merged with the next read's, once each, in order; what it cannot read is dropped", () => {
    const kept = JSON.stringify(log.slice(1, 3));
    expect(pendingMissed(kept, [log[3]!, log[2]!]).map((d) => d.seq)).toEqual([7, 9, 12]);
    expect(pendingMissed(null, log.slice(0, 2))).toEqual(log.slice(0, 2));
    expect(pendingMissed(kept)).toEqual(log.slice(1, 3));
    expect(pendingMissed("{not json", [log[0]!])).toEqual([log[0]]);
    expect(pendingMissed(JSON.stringify([{ seq: "1" }, { seq: 2, decision: "maybe", pieces: [] }, null, log[3]]))).toEqual([log[3]]);
    expect(pendingMissed(JSON.stringify({ seq: 3 }))).toEqual([]);
  });
});
