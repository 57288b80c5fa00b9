import { NEGOTIATING_GROUPS, UN_MEMBER_STATES, UN_OBSERVER_STATES } from "./un-members";

export interface SeedDelegation {
  code: string;
  name: string;
  kind: "state" | "group";
  color: string;
}

/**
 * Delegations named in the sample statements: the eleven signatories of the OEWG joint
 * statement, the CSTO members (and the CSTO as a group), Albania, and the OSCE States
 * the decision names. Colours are dark enough for white text (WCAG AA, 4.8:1 or more):
 * one hue each, 20 degrees apart, every other one darker so that neighbouring hues still
 * differ, and none near the chair's blue (#1d4ed8).
 */
export const SAMPLE_DELEGATIONS: SeedDelegation[] = [
  { code: "ALB", name: "Albania", kind: "state", color: "#b91c1c" },
  { code: "ARM", name: "Armenia", kind: "state", color: "#0b6228" },
  { code: "AUT", name: "Austria", kind: "state", color: "#c716c7" },
  { code: "BLR", name: "Belarus", kind: "state", color: "#587d0e" },
  { code: "BDI", name: "Burundi", kind: "state", color: "#4b2be7" },
  { code: "CHN", name: "China", kind: "state", color: "#8f3a10" },
  { code: "CUB", name: "Cuba", kind: "state", color: "#0e825c" },
  { code: "PRK", name: "Democratic People's Republic of Korea", kind: "state", color: "#9f1270" },
  { code: "IRN", name: "Iran (Islamic Republic of)", kind: "state", color: "#27600b" },
  { code: "KAZ", name: "Kazakhstan", kind: "state", color: "#7d47eb" },
  { code: "KGZ", name: "Kyrgyzstan", kind: "state", color: "#966a11" },
  { code: "NIC", name: "Nicaragua", kind: "state", color: "#0a5e5e" },
  { code: "RUS", name: "Russian Federation", kind: "state", color: "#8315bb" },
  { code: "SDN", name: "Sudan", kind: "state", color: "#0f840f" },
  { code: "SYR", name: "Syrian Arab Republic", kind: "state", color: "#dd195a" },
  { code: "TJK", name: "Tajikistan", kind: "state", color: "#57570a" },
  { code: "VEN", name: "Venezuela (Bolivarian Republic of)", kind: "state", color: "#1379ad" },
  { code: "CSTO", name: "CSTO member States", kind: "group", color: "#334155" },
];

/** The chair's colour (the editor's own blue), which no delegation's may resemble. */
export const CHAIR_COLOR = "#1d4ed8";

function channel(v: number): number {
  const c = v / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of "#rrggbb". */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => channel(parseInt(hex.slice(i, i + 2), 16))) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function hslHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))))
      .toString(16)
      .padStart(2, "0");
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

function hueOf(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

/** Two colours a reader tells apart side by side: hues 30 degrees apart, or one clearly darker. */
function distinct(a: string, b: string): boolean {
  const apart = Math.abs(hueOf(a) - hueOf(b));
  return Math.min(apart, 360 - apart) >= 30 || Math.abs(luminance(a) - luminance(b)) > 0.05;
}

/**
 * Colours for delegations outside the sample statements, from `step` on: hues a golden angle
 * apart, away from the chair's blue, at one of three depths, each made dark enough for white
 * text on it and for text in it on white (WCAG AA, 4.5:1); the first not `taken` and
 * distinct from every colour in `beside`.
 */
function nextColor(state: { step: number; taken: Set<string> }, beside: string[]): string {
  for (; ; state.step += 1) {
    const step = state.step;
    let hue = (step * 137.508 + 12) % 360;
    if (Math.abs(hue - hueOf(CHAIR_COLOR)) < 25) hue = (hue + 50) % 360;
    const saturation = [0.75, 0.62, 0.85][step % 3]!;
    let lightness = [0.42, 0.34, 0.27][step % 3]!;
    let hex = hslHex(hue, saturation, lightness);
    while (1.05 / (luminance(hex) + 0.05) < 4.6) hex = hslHex(hue, saturation, (lightness -= 0.01));
    if (state.taken.has(hex) || !beside.every((other) => distinct(hex, other))) continue;
    state.taken.add(hex);
    state.step += 1;
    return hex;
  }
}

/**
 * Every delegation the server knows, by name: the sample statements' own (with their
 * colours), every other United Nations Member State, the observer States and the
 * negotiating groups (un-members.ts). Each has a colour of its own, told apart from the
 * delegations next to it in the list a chair picks from.
 */
export const SEED_DELEGATIONS: SeedDelegation[] = (() => {
  const sample = new Map(SAMPLE_DELEGATIONS.map((d) => [d.code, d]));
  const all = [
    ...UN_MEMBER_STATES.map(([code, name]) => ({ code, name, kind: "state" as const })),
    ...UN_OBSERVER_STATES.map(([code, name]) => ({ code, name, kind: "state" as const })),
    ...NEGOTIATING_GROUPS.map(([code, name]) => ({ code, name, kind: "group" as const })),
    ...SAMPLE_DELEGATIONS.filter((d) => d.kind === "group"),
  ].sort((a, b) => a.name.localeCompare(b.name));
  const state = { step: 0, taken: new Set(SAMPLE_DELEGATIONS.map((d) => d.color)) };
  const list: SeedDelegation[] = [];
  all.forEach((d, i) => {
    const own = sample.get(d.code);
    if (own) return list.push(own);
    const beside = [list[i - 1]?.color, sample.get(all[i + 1]?.code ?? "")?.color].filter((c): c is string => !!c);
    list.push({ ...d, color: nextColor(state, beside) });
  });
  return list;
})();

/** Demo accounts (password `plenary-demo`), created only by the seed. */
export const DEMO_PASSWORD = "plenary-demo";

export const DEMO_ACCOUNTS: { email: string; name: string; delegation: string | null; role: "chair" | "delegate" | "observer" }[] = [
  { email: "chair@example.org", name: "Chair", delegation: null, role: "chair" },
  { email: "albania@example.org", name: "Delegate of Albania", delegation: "ALB", role: "delegate" },
  { email: "belarus@example.org", name: "Delegate of Belarus", delegation: "BLR", role: "delegate" },
  { email: "russian-federation@example.org", name: "Delegate of the Russian Federation", delegation: "RUS", role: "delegate" },
  { email: "observer@example.org", name: "Observer (ICT4Peace)", delegation: null, role: "observer" },
];
