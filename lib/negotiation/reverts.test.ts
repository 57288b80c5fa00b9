import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { checkOpenDraftingUpdate } from "./projection";
import { revertExplanation } from "./reverts";

describe("revertExplanation", () => {
  it("names the rule each policy reason stands for", () => {
    expect(revertExplanation("the chair holds the pen: propose an amendment instead")).toMatch(/^Your change was undone: the chair holds the pen/);
    // The words typed (offline, say) are quoted back, so they can be proposed another way.
    expect(revertExplanation("the chair holds the pen: propose an amendment instead", " in  full ")).toMatch(/^Your words “in full” were undone: the chair holds the pen/);
    expect(revertExplanation("suggests in agreed paragraph op1: the chair must reopen it first")).toMatch(/agreed and closed to drafting/);
    for (const reason of ["malformed suggestion mark", "changes suggestions of BLR"]) {
      expect(revertExplanation(reason)).toMatch(/only your own delegation's tracked changes/);
    }
    // Mostly an Undo after the chair accepted the change: says how to change accepted text.
    expect(revertExplanation("changes accepted text in block op1")).toBe(
      "Your change was undone: it changed accepted text directly (Undo after the chair has decided a change, for one). To change accepted text, propose it: select words and press Delete, or type new words.",
    );
  });

  it("covers the reason the policy gives for an agreed paragraph", () => {
    const before = new Y.Doc();
    const p = new Y.XmlElement("operative");
    p.setAttribute("id", "op1");
    p.insert(0, [new Y.XmlText("Decides")]);
    before.getXmlFragment("default").insert(0, [p]);
    const after = new Y.Doc();
    Y.applyUpdate(after, Y.encodeStateAsUpdate(before));
    ((after.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "Also ", { insertion: { id: "s1", delegation: "ALB" } });
    const result = checkOpenDraftingUpdate(before, after, "ALB", new Set(["op1"]));
    expect(result.ok).toBe(false);
    expect(revertExplanation(result.ok ? "" : result.reason)).toMatch(/agreed and closed to drafting/);
  });
});
