import { clientIdOf, scopeOf, signInTarget } from './challenge';

describe("the API's 401 challenge tells returns login where to sign in", () => {
  test('as the API sends it (Power Query’s form), quoted, or with the v2.0 path', () => {
    const want = { authority: 'https://login.microsoftonline.com/0d3f', resource: '5b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4' };
    expect(signInTarget('Bearer authorization_uri=https://login.microsoftonline.com/0d3f/oauth2/authorize, resource_id=5b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4')).toEqual(want);
    expect(signInTarget('Bearer resource_id="5b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4", authorization_uri="https://login.microsoftonline.com/0d3f/oauth2/v2.0/authorize"')).toEqual(want);
  });

  test('a challenge without a tenant (an API that takes keys only) names none', () => {
    expect(signInTarget('Bearer realm="returns-hub"')).toBeNull();
    expect(signInTarget(null)).toBeNull();
    expect(signInTarget('Basic realm="x"')).toBeNull();
  });

  test('the client ID and scope from the API’s audience (its client ID, or api://<client ID>)', () => {
    expect(clientIdOf('api://5b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4')).toBe('5b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4');
    expect(clientIdOf('https://returns-api.agency.go.th')).toBeNull();
    expect(scopeOf('api://5b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4/')).toBe('api://5b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4/.default');
  });
});
