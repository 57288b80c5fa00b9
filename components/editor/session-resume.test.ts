import { afterEach, describe, expect, it, vi } from "vitest";
import { documentAccess, resumeBudget, sessionStillValid } from "./session-resume";

describe("resuming after the session ended under a tab", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("allows a few resumes a minute, then none until the oldest is a minute old", () => {
    let now = 0;
    const take = resumeBudget(3, 60_000, () => now);
    expect([take(), take(), take(), take()]).toEqual([true, true, true, false]);
    now = 59_999;
    expect(take()).toBe(false);
    now = 60_000;
    expect([take(), take(), take(), take()]).toEqual([true, true, true, false]);
  });

  /** get-session answering each call in turn: a user id, null (no session), a status, or a thrown error. */
  const answers = (...list: (string | null | number | Error)[]) => {
    const calls: number[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        calls.push(1);
        const a = list.shift();
        if (a instanceof Error) throw a;
        if (typeof a === "number") return new Response("{}", { status: a });
        return Response.json(a === null || a === undefined ? null : { session: { id: "s" }, user: { id: a } });
      }),
    );
    return calls;
  };

  it("resumes only for the same person's live session, asking once more when there is none (the new cookie may be on its way)", async () => {
    let calls = answers("u1");
    expect(await sessionStillValid("u1", 0)).toBe(true);
    expect(calls).toHaveLength(1);
    // Someone else signed in since: never resumed as them, and not asked again.
    calls = answers("u2");
    expect(await sessionStillValid("u1", 0)).toBe(false);
    expect(calls).toHaveLength(1);
    calls = answers(null, "u1");
    expect(await sessionStillValid("u1", 0)).toBe(true);
    expect(calls).toHaveLength(2);
    calls = answers(null, null);
    expect(await sessionStillValid("u1", 0)).toBe(false);
    calls = answers(503, "u1");
    expect(await sessionStillValid("u1", 0)).toBe(true);
    calls = answers(new TypeError("network"), new TypeError("network"));
    expect(await sessionStillValid("u1", 0)).toBe(false);
    expect(calls).toHaveLength(2);
  });

  it("tells a connection refused at the door apart: signed out, no role on the document, or no answer (retry)", async () => {
    const answer = (res: Response | Error) =>
      vi.stubGlobal(
        "fetch",
        vi.fn(async () => {
          if (res instanceof Error) throw res;
          return res;
        }),
      );
    answer(Response.json({ documents: [{ id: "d1" }, { id: "d2" }] }));
    expect(await documentAccess("d2")).toBe("yes");
    answer(Response.json({ documents: [{ id: "d1" }] }));
    expect(await documentAccess("d2")).toBe("no-role");
    answer(new Response("{}", { status: 401 }));
    expect(await documentAccess("d2")).toBe("signed-out");
    answer(new Response("{}", { status: 502 }));
    expect(await documentAccess("d2")).toBe("unknown");
    answer(new TypeError("network"));
    expect(await documentAccess("d2")).toBe("unknown");
    answer(Response.json({ unexpected: true }));
    expect(await documentAccess("d2")).toBe("unknown");
  });
});
