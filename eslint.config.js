import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", "dist/", "data/", "drizzle/", "test-results/", "playwright-report/", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // lib/ is pure: it runs in the browser and on the server and does no I/O.
    files: ["lib/**/*.ts"],
    ignores: ["lib/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*"], message: "lib/ is pure: no Node built-ins." },
            { group: ["**/server/**", "@/server/*", "**/components/**", "@/components/*"], message: "lib/ must not import server/ or components/." },
            { group: ["drizzle-orm", "drizzle-orm/*", "ws", "better-sqlite3"], message: "lib/ does no I/O." },
          ],
        },
      ],
    },
  },
);
