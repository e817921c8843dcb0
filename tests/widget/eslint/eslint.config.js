// ESLint for the widget, run by `make lint` from the top of the repository:
//   tests/widget/eslint/node_modules/.bin/eslint --config tests/widget/eslint/eslint.config.js web_widget
// (with --config, ESLint takes the `files` patterns relative to the working directory).
// This lives here, not in web_widget/, because `make i18n` extracts words from every
// .js file under web_widget/, node_modules included.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  {
    files: ["web_widget/**/*.js"],
    languageOptions: {
      // No build step: the file is served as written, a classic script in an IIFE,
      // written in ES5 syntax (browser APIs such as fetch and URL are used, not new syntax).
      ecmaVersion: 5,
      sourceType: "script",
      globals: globals.browser,
    },
    rules: {
      ...js.configs.recommended.rules,
      // ES5 has no `catch {}`: an error the code means to drop is caught as `ignored`.
      "no-unused-vars": ["error", { caughtErrorsIgnorePattern: "^ignored$" }],
    },
    linterOptions: {
      reportUnusedDisableDirectives: "error",
    },
  },
];
