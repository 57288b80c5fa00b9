import { afterEach, describe, expect, it, vi } from "vitest";

/** isMac() as a fresh page load in a browser with this navigator sees it (the answer is kept once found). */
async function isMacWith(nav: Partial<Navigator> & { userAgentData?: { platform?: string } } | undefined): Promise<boolean> {
  vi.resetModules();
  if (nav) {
    vi.stubGlobal("window", {});
    vi.stubGlobal("navigator", nav);
  }
  const { isMac } = await import("./platform");
  return isMac();
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("isMac", () => {
  it("is true on macOS, iPad and iPhone, by navigator.platform or, where that is empty, userAgentData", async () => {
    expect(await isMacWith({ platform: "MacIntel" })).toBe(true);
    expect(await isMacWith({ platform: "iPad" })).toBe(true);
    expect(await isMacWith({ platform: "iPhone" })).toBe(true);
    expect(await isMacWith({ platform: "", userAgentData: { platform: "macOS" } })).toBe(true);
  });

  it("is false on Windows and Linux, and on the server", async () => {
    expect(await isMacWith({ platform: "Win32" })).toBe(false);
    expect(await isMacWith({ platform: "Linux x86_64" })).toBe(false);
    expect(await isMacWith({ platform: "", userAgentData: { platform: "Windows" } })).toBe(false);
    expect(await isMacWith(undefined)).toBe(false);
  });
});
