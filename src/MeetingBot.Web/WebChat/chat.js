'use strict';

// The page's script: asks the host who is signed in, gets a Direct Line token and starts Web Chat.
// Its words are in index.html; this file has none.

const domain = location.origin + '/v3/directline';

// Without sign-in (development only) the user id kept in localStorage is what ties this browser to
// its conversation. It must be unguessable (the server accepts dl_ plus 16 to 64 letters, digits, - or _).
function pageUserId() {
  const key = 'meetingbot.userId';
  let id = localStorage.getItem(key);
  if (!/^dl_[A-Za-z0-9_-]{16,64}$/.test(id || '')) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    id = 'dl_' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem(key, id);
  }
  return id;
}

// A session that ended (signed out elsewhere, expired) signs in again.
async function askHost(url, init) {
  const response = await fetch(url, { cache: 'no-store', ...init });
  if (response.status === 401) {
    location.assign('/signin');
    return new Promise(() => {});
  }
  if (!response.ok) {
    throw new Error(url + ' answered ' + response.status);
  }
  return response.json();
}

async function connection() {
  const session = await askHost('/webchat/session');
  if (session.signIn) {
    document.getElementById('user-name').textContent = session.name || '';
    document.getElementById('signed-in').hidden = false;
    document.getElementById('sign-out').hidden = false;
    const { token, userId } = await askHost('/webchat/token', { method: 'POST' });
    return { token, userId };
  }

  document.getElementById('development').hidden = false;
  const userId = pageUserId();
  const { token } = await askHost(domain + '/tokens/generate', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: { id: userId } })
  });
  return { token, userId };
}

// DirectLineJS's ConnectionStatus.ExpiredToken: the token was refused, so the session may have ended.
const expiredToken = 3;

async function start() {
  const { token, userId } = await connection();
  // Polling only: this server has no WebSocket stream.
  const directLine = WebChat.createDirectLine({ domain, token, webSocket: false, pollingInterval: 1000 });
  directLine.connectionStatus$.subscribe(status => {
    if (status === expiredToken) {
      askHost('/webchat/session').catch(error => console.error(error));
    }
  });
  WebChat.renderWebChat({
    directLine,
    userID: userId,
    locale: 'zh-CN',
    styleOptions: { hideUploadButton: true }
  }, document.getElementById('webchat'));
}

start().catch(error => {
  console.error(error);
  const problem = document.getElementById('connection-problem').content.cloneNode(true);
  document.getElementById('webchat').replaceChildren(problem);
});
