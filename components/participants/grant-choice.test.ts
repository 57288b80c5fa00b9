import { describe, expect, it } from "vitest";
import { choiceFor, choiceForNew, holdingHint, personGroups, roleText, type Holder } from "./grant-choice";

const delegations = [
  { id: "d-alb", code: "ALB" },
  { id: "d-deu", code: "DEU" },
];
const albania: Holder = { userId: "u1", name: "Delegate of Albania", email: "albania@example.org", role: "delegate", delegationId: "d-alb", delegationName: "Albania" };
const chair: Holder = { userId: "u0", name: "Chair", email: "chair@example.org", role: "chair", delegationId: null, delegationName: null };

describe("the Grant form filled from the participants table", () => {
  it("holds the person's role and delegation as they stand", () => {
    expect(choiceFor(albania, delegations)).toEqual({ email: "albania@example.org", role: "delegate", delegation: "ALB" });
    expect(choiceFor(chair, delegations)).toEqual({ email: "chair@example.org", role: "chair", delegation: "" });
  });

  it("leaves the delegation to the account when the role's delegation is not listed, or the role has none", () => {
    expect(choiceFor({ ...albania, delegationId: "gone" }, delegations).delegation).toBe("");
    expect(choiceFor({ ...albania, role: "observer" }, delegations).delegation).toBe("");
  });
});

describe("the Grant form filled for a new account", () => {
  it("makes a delegate of an account with a delegation, an observer of one without", () => {
    expect(choiceForNew("a@b.org", "DEU")).toEqual({ email: "a@b.org", role: "delegate", delegation: "DEU" });
    expect(choiceForNew("a@b.org", "")).toEqual({ email: "a@b.org", role: "observer", delegation: "" });
  });
});

describe("the Person list", () => {
  it("puts the people on the document first, keeping the order given", () => {
    const users = [{ email: "a@x.org" }, { email: "chair@example.org" }, { email: "b@x.org" }, { email: "albania@example.org" }];
    expect(personGroups(users, [albania, chair])).toEqual({
      onDocument: [{ email: "chair@example.org" }, { email: "albania@example.org" }],
      others: [{ email: "a@x.org" }, { email: "b@x.org" }],
    });
  });
});

describe("what the chosen person holds", () => {
  it("says the role it replaces, the delegation with a delegate's", () => {
    expect(holdingHint(albania, "u0")).toBe("Delegate of Albania is Delegate (Albania) now. The role you grant replaces it.");
    expect(holdingHint(undefined, "u0")).toBeNull();
  });

  it("tells the chair that a document keeps one chair when it is their own", () => {
    expect(holdingHint(chair, "u0")).toBe("You are Chair now. The role you grant yourself replaces it; a document keeps at least one chair.");
  });

  it("names no delegation for a role without one", () => {
    expect(roleText("observer", "Albania")).toBe("Observer");
    expect(roleText("delegate", null)).toBe("Delegate");
  });
});
