import { ApiRole } from '../../src/core/auth/api-role';
import { checkOwnDepartment, checkOwnHub } from '../../src/core/auth/bound-access';
import { ANONYMOUS, type Viewer } from '../../src/core/auth/viewer';

const client = (role: ApiRole, extra: Partial<Extract<Viewer, { kind: 'client' }>> = {}): Viewer => ({
  kind: 'client',
  clientId: 1,
  name: 'k',
  role,
  department: null,
  hubId: null,
  ...extra,
});

describe('keys bound to a department or a hub', () => {
  it('lets a DEPARTMENT key write to its own department only', () => {
    const iot = client(ApiRole.DEPARTMENT, { department: 'iot' });
    expect(() => checkOwnDepartment(iot, 'iot')).not.toThrow();
    expect(() => checkOwnDepartment(iot, 'health')).toThrow(
      expect.objectContaining({ message: "only the health department's keys may do this; this key belongs to iot", extensions: { code: 'FORBIDDEN' } }),
    );
    expect(() => checkOwnDepartment(client(ApiRole.SCREEN), 'iot')).toThrow(expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }));
    expect(() => checkOwnDepartment({ kind: 'resident', residentRef: 'resident-ref-0001' }, 'iot')).toThrow(expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }));
    expect(() => checkOwnDepartment(ANONYMOUS, 'iot')).toThrow(expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }));
    expect(() => checkOwnDepartment(client(ApiRole.ADMIN), 'health')).not.toThrow();
  });

  it('lets a CANTEEN_TERMINAL key act for its own hub only', () => {
    const terminal = client(ApiRole.CANTEEN_TERMINAL, { hubId: 12 });
    expect(() => checkOwnHub(terminal, 12)).not.toThrow();
    expect(() => checkOwnHub(terminal, 13)).toThrow(
      expect.objectContaining({ message: 'only a terminal of hub 13 may do this; this terminal stands in hub 12', extensions: { code: 'FORBIDDEN' } }),
    );
    expect(() => checkOwnHub(client(ApiRole.SCREEN), 12)).toThrow(expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }));
    expect(() => checkOwnHub(ANONYMOUS, 12)).toThrow(expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }));
    expect(() => checkOwnHub(client(ApiRole.ADMIN), 12)).not.toThrow();
  });
});
