import { readRemoteSettings } from '../../src/core/remote/remote-settings';
import { configErrorOf } from '../helpers/config-error-of';

const TAKEN = ['hub', 'civil', 'iot', 'health', 'urban'];

describe('remote department settings', () => {
  it('reads each remote with its credential, roles and title; ADMIN only by default; none when unset', () => {
    const settings = readRemoteSettings(
      {
        REMOTE_DEPARTMENTS: 'culture=http://culture.internal:4100/graphql, housing=https://housing.internal/graphql',
        CULTURE_REMOTE_AUTHORIZATION: 'Bearer abc',
        CULTURE_REMOTE_ROLES: 'screen, ADMIN',
        CULTURE_REMOTE_TITLE: '文旅局',
        HOUSING_REMOTE_ROLES: 'PUBLIC',
      },
      TAKEN,
    );
    expect(settings.departments).toEqual([
      { name: 'culture', title: '文旅局', url: 'http://culture.internal:4100/graphql', authorization: 'Bearer abc', readers: ['SCREEN', 'ADMIN'] },
      { name: 'housing', title: 'housing', url: 'https://housing.internal/graphql', authorization: undefined, readers: 'PUBLIC' },
    ]);
    expect(settings.refreshMs).toBe(60_000);
    expect(readRemoteSettings({ REMOTE_DEPARTMENTS: 'culture=http://c/graphql' }, TAKEN).departments[0].readers).toEqual(['ADMIN']);
    expect(readRemoteSettings({}, TAKEN).departments).toEqual([]);
  });

  it.each([
    [{ REMOTE_DEPARTMENTS: 'culture' }, 'REMOTE_DEPARTMENTS: "culture" is not name=url'],
    [{ REMOTE_DEPARTMENTS: 'Culture=http://c/graphql' }, 'REMOTE_DEPARTMENTS: "Culture" is not a valid department name'],
    [{ REMOTE_DEPARTMENTS: 'civil=http://c/graphql' }, `REMOTE_DEPARTMENTS: "civil" is already one of the hub's own sources`],
    [{ REMOTE_DEPARTMENTS: 'culture=http://a/graphql,culture=http://b/graphql' }, 'REMOTE_DEPARTMENTS: "culture" is listed twice'],
    [{ REMOTE_DEPARTMENTS: 'culture=ftp://c/graphql' }, 'REMOTE_DEPARTMENTS: the URL of culture, "ftp://c/graphql", is not an http:// or https:// URL'],
    [{ REMOTE_DEPARTMENTS: 'culture=http://c/graphql', CULTURE_REMOTE_ROLES: 'SCREEN,BOSS' }, 'CULTURE_REMOTE_ROLES: "BOSS" is not one of PUBLIC, SCREEN'],
    [{ REMOTE_DEPARTMENTS: 'culture=http://c/graphql', CULTURE_REMOTE_ROLES: 'PUBLIC,ADMIN' }, 'CULTURE_REMOTE_ROLES: PUBLIC already lets everyone read'],
    [{ REMOTE_REFRESH_MS: '10' }, 'REMOTE_REFRESH_MS: 10 is outside'],
  ])('refuses %j, naming the variable', (env: Record<string, string>, message) => {
    expect(configErrorOf(env)).toContain(message);
  });
});
