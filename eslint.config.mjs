// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'data/**',
      'node_modules/**',
      'coverage/**',
      'eslint.config.mjs',
      'jest.config.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through src/infra/config (AppConfig), not process.env.',
        },
      ],
    },
  },
  {
    // Pure domain code: no framework, ORM, queue or mail imports (STYLE.md point 1).
    files: ['src/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'typeorm/*',
                'bullmq',
                'ioredis',
                'nodemailer',
                'pg',
                'express',
              ],
              message: 'domain/ must stay pure TypeScript.',
            },
            {
              group: [
                '**/infra/**',
                '*.entity',
                '*.service',
                '*.module',
                '*.controller',
                '*.repository',
              ],
              message: 'domain/ must not depend on plumbing.',
            },
          ],
        },
      ],
    },
  },
  {
    // Database access through repositories named for intent (and the unit of work): nothing else
    // under src/modules injects the DataSource or an EntityManager.
    files: ['src/modules/**/*.ts'],
    ignores: ['src/modules/**/*.repository.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through src/infra/config (AppConfig), not process.env.',
        },
        {
          selector: 'Decorator[expression.callee.name=/^Inject(DataSource|EntityManager)$/]',
          message:
            'Only *.repository.ts files inject the DataSource or an EntityManager; use a repository or the UnitOfWork.',
        },
        {
          selector:
            'TSParameterProperty TSTypeReference[typeName.name=/^(DataSource|EntityManager)$/]',
          message:
            'Only *.repository.ts files inject the DataSource or an EntityManager; use a repository or the UnitOfWork.',
        },
      ],
    },
  },
  {
    // Places that legitimately read the environment: the config loader and test/bench harnesses.
    files: ['src/infra/config/**/*.ts', 'test/**/*.ts', 'src/infra/dev-services/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The portal's progressive-enhancement scripts: plain browser modules, no type information.
    files: ['src/modules/portal/assets/**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: 'module',
      globals: { document: 'readonly', fetch: 'readonly', DOMParser: 'readonly' },
    },
  },
);
