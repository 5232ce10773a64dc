// ESLint: typescript-eslint's recommended rules on every TypeScript file; formatting is Prettier's job.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", ".data/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      // Unused names are mistakes, except deliberately ignored ones.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // An import of types only is `import type`, so it leaves nothing behind in the compiled JavaScript.
      // (Not consistent-type-imports: with emitDecoratorMetadata a class used only in a decorated
      // property's type must stay a value import.)
      "@typescript-eslint/no-import-type-side-effects": "error",
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-console": "error",
    },
  },
  {
    // Scripts, the CLI and tests talk to a terminal.
    files: ["scripts/**", "gateway/cli/**", "**/test/**", "testing/**", "bin/**"],
    rules: { "no-console": "off" },
  },
  {
    // Tests read arbitrary GraphQL answers; typing each one adds nothing the assertions do not check.
    files: ["**/test/**", "**/*.test.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", process: "readonly", console: "readonly", __dirname: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
