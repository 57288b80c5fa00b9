/**
 * Delegations named in the sample statements: the eleven signatories of the OEWG joint
 * statement, the CSTO members (and the CSTO as a group), Albania, and the OSCE States
 * the decision names. Colours are dark enough for white text (WCAG AA, 4.8:1 or more):
 * one hue each, 20 degrees apart, every other one darker so that neighbouring hues still
 * differ, and none near the chair's blue (#1d4ed8).
 */
export interface SeedDelegation {
  code: string;
  name: string;
  kind: "state" | "group";
  color: string;
}

export const SEED_DELEGATIONS: SeedDelegation[] = [
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

/** Demo accounts (password `plenary-demo`), created only by the seed. */
export const DEMO_PASSWORD = "plenary-demo";

export const DEMO_ACCOUNTS: { email: string; name: string; delegation: string | null; role: "chair" | "delegate" | "observer" }[] = [
  { email: "chair@example.org", name: "Chair", delegation: null, role: "chair" },
  { email: "albania@example.org", name: "Delegate of Albania", delegation: "ALB", role: "delegate" },
  { email: "belarus@example.org", name: "Delegate of Belarus", delegation: "BLR", role: "delegate" },
  { email: "russian-federation@example.org", name: "Delegate of the Russian Federation", delegation: "RUS", role: "delegate" },
  { email: "observer@example.org", name: "Observer (ICT4Peace)", delegation: null, role: "observer" },
];
