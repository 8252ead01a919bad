export { fixturesRoot, loadFixture, listFixtures } from './fixtures.ts';
