import { describe, expect, it } from "vitest";
import { ACTIONS, can, ROLES, type Action, type Role } from "./roles";

/** The expected matrix, written out in full so a change to the rules shows up here. */
const EXPECTED: Record<Role | "none", Record<Action, boolean>> = {
  chair: { "document.read": true, "document.export": true, "text.write": true, "participants.manage": true, "document.settings": true },
  delegate: { "document.read": true, "document.export": true, "text.write": true, "participants.manage": false, "document.settings": false },
  observer: { "document.read": true, "document.export": true, "text.write": false, "participants.manage": false, "document.settings": false },
  none: { "document.read": false, "document.export": false, "text.write": false, "participants.manage": false, "document.settings": false },
};

describe("authorization matrix", () => {
  for (const role of [...ROLES, "none"] as const) {
    for (const action of ACTIONS) {
      it(`${role} ${EXPECTED[role][action] ? "may" : "may not"} ${action}`, () => {
        expect(can(role === "none" ? null : role, action)).toBe(EXPECTED[role][action]);
      });
    }
  }
});
