// An OpenID Connect provider for the web sign-in tests: oidc-provider on a free loopback port over
// plain HTTP, with two test users and a login page that checks their passwords. It prints
// "listening on port N" once the socket accepts connections, then waits for one line of JSON on
// standard input naming the client (the bot under test, whose address is known only once it
// runs): {"clientId", "clientSecret", "redirectUri", "postLogoutRedirectUri"}. It answers "ready"
// when it serves. It exits when its standard input closes, which happens when the test process
// ends however it ends, so no provider outlives its tests. Its pages load nothing from elsewhere.

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import Provider from 'oidc-provider';

const users = new Map([
  ['zhangming', { password: 'zhangming-password', name: '张明' }],
  ['lihua', { password: 'lihua-password', name: '李华' }],
]);

let serve = (req, res) => {
  res.statusCode = 503;
  res.end();
};
const server = createServer((req, res) => serve(req, res));
server.listen(0, '127.0.0.1', () => console.log(`listening on port ${server.address().port}`));

const input = createInterface({ input: process.stdin });
input.once('line', (line) => {
  const provider = create(`http://127.0.0.1:${server.address().port}`, JSON.parse(line));
  const callback = provider.callback();
  serve = (req, res) => {
    const interaction = /^\/interaction\/([^/?]+)(\/login)?/.exec(req.url);
    if (!interaction) {
      callback(req, res);
      return;
    }
    (req.method === 'POST' ? login(provider, req, res) : prompt(provider, req, res)).catch((error) => {
      console.error(error);
      page(res, 500, 'Error', `<p>${escape(error.message)}</p>`);
    });
  };
  console.log('ready');
});
input.on('close', () => process.exit(0));

function create(issuer, client) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return new Provider(issuer, {
    clients: [{
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: [client.redirectUri],
      post_logout_redirect_uris: [client.postLogoutRedirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], profile: ['name'] },
    // The name goes into the id token, as Entra ID and Keycloak put it there.
    conformIdTokenClaims: false,
    findAccount: (ctx, sub) => users.has(sub)
      ? { accountId: sub, claims: () => ({ sub, name: users.get(sub).name }) }
      : undefined,
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.body = layout('Sign out', `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>`);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.body = layout('Signed out', '<p>Signed out.</p>');
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = layout('Error', `<p>${escape(out.error)}: ${escape(out.error_description ?? '')}</p>`);
    },
  });
}

// The login page, or for a signed-in user the consent a first-party client does not ask for.
async function prompt(provider, req, res) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    page(res, 200, 'Sign in', loginForm(details.uid, ''));
    return;
  }

  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
  const missing = details.prompt.details;
  if (missing.missingOIDCScope) {
    grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  }
  if (missing.missingOIDCClaims) {
    grant.addOIDCClaims(missing.missingOIDCClaims);
  }
  await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
}

async function login(provider, req, res) {
  const details = await provider.interactionDetails(req, res);
  const form = new URLSearchParams(await body(req));
  const user = users.get(form.get('username'));
  if (!user || user.password !== form.get('password')) {
    page(res, 200, 'Sign in', loginForm(details.uid, '<p id="login-error">Wrong user name or password.</p>'));
    return;
  }
  await provider.interactionFinished(req, res, { login: { accountId: form.get('username') } }, { mergeWithLastSubmission: false });
}

function loginForm(uid, error) {
  return `${error}<form method="post" action="/interaction/${escape(uid)}/login">
    <label>User name <input name="username" autocomplete="off" required></label>
    <label>Password <input name="password" type="password" required></label>
    <button type="submit">Sign in</button>
  </form>`;
}

function page(res, status, title, content) {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(layout(title, content));
}

function layout(title, content) {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1>${content}</body></html>`;
}

function body(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
