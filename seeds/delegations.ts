/**
 * Delegations named in the sample statements: the eleven signatories of the OEWG joint
 * statement, the CSTO members (and the CSTO as a group), Albania, and the OSCE States
 * the decision names. Colours are distinct and dark enough for white text (WCAG AA).
 */
export interface SeedDelegation {
  code: string;
  name: string;
  kind: "state" | "group";
  color: string;
}

export const SEED_DELEGATIONS: SeedDelegation[] = [
  { code: "ALB", name: "Albania", kind: "state", color: "#b91c1c" },
  { code: "ARM", name: "Armenia", kind: "state", color: "#c2410c" },
  { code: "AUT", name: "Austria", kind: "state", color: "#be123c" },
  { code: "BLR", name: "Belarus", kind: "state", color: "#15803d" },
  { code: "BDI", name: "Burundi", kind: "state", color: "#4d7c0f" },
  { code: "CHN", name: "China", kind: "state", color: "#a21caf" },
  { code: "CUB", name: "Cuba", kind: "state", color: "#1d4ed8" },
  { code: "PRK", name: "Democratic People's Republic of Korea", kind: "state", color: "#0e7490" },
  { code: "IRN", name: "Iran (Islamic Republic of)", kind: "state", color: "#047857" },
  { code: "KAZ", name: "Kazakhstan", kind: "state", color: "#0369a1" },
  { code: "KGZ", name: "Kyrgyzstan", kind: "state", color: "#9f1239" },
  { code: "NIC", name: "Nicaragua", kind: "state", color: "#1e40af" },
  { code: "RUS", name: "Russian Federation", kind: "state", color: "#6d28d9" },
  { code: "SDN", name: "Sudan", kind: "state", color: "#854d0e" },
  { code: "SYR", name: "Syrian Arab Republic", kind: "state", color: "#9a3412" },
  { code: "TJK", name: "Tajikistan", kind: "state", color: "#7e22ce" },
  { code: "VEN", name: "Venezuela (Bolivarian Republic of)", kind: "state", color: "#a16207" },
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
