import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/coverage'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:model', onlyDependOnLibsWithTags: ['type:model'] },
            {
              sourceTag: 'type:parser',
              onlyDependOnLibsWithTags: ['type:model', 'type:testing'],
              bannedExternalImports: ['@aws-sdk/*'],
            },
            {
              sourceTag: 'type:formatter',
              onlyDependOnLibsWithTags: ['type:model', 'type:formatter-kit', 'type:testing'],
              bannedExternalImports: ['@aws-sdk/*'],
            },
            {
              sourceTag: 'type:formatter-kit',
              onlyDependOnLibsWithTags: ['type:model'],
              bannedExternalImports: ['@aws-sdk/*'],
            },
            { sourceTag: 'type:enricher', onlyDependOnLibsWithTags: ['type:model', 'type:enricher-kit', 'type:testing'] },
            { sourceTag: 'type:enricher-kit', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:notify', onlyDependOnLibsWithTags: ['type:model', 'type:testing'] },
            { sourceTag: 'type:delivery', onlyDependOnLibsWithTags: ['type:model', 'type:testing'] },
            {
              sourceTag: 'type:pipeline',
              onlyDependOnLibsWithTags: ['type:model', 'type:parser', 'type:notify', 'type:formatter', 'type:delivery', 'type:testing'],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:model', 'type:parser'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:model',
                'type:parser',
                'type:enricher',
                'type:notify',
                'type:formatter',
                'type:delivery',
                'type:pipeline',
                'type:testing',
                'type:app',
              ],
            },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:model', 'type:notify', 'type:testing', 'type:app'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
