// Started by bench/phishing.ts as its own process: the local SMTP server the campaign is sent to, on its own core as a
// real mail server would be, so that what it costs to receive is not counted against the sender. Talks over IPC:
// sends `{ url }` once listening; answers 'stats' with what it received; exits on 'close'.

import { startSmtpSink } from '../server/test/smtp-sink.ts';

const sink = await startSmtpSink();
sink.keepRaw = false;
process.send!({ url: sink.url });
process.on('message', async (message) => {
  if (message === 'stats') {
    const first = sink.received[0]?.raw ?? '';
    process.send!({
      received: sink.received.length,
      distinctRecipients: new Set(sink.received.map((m) => m.to)).size,
      lastAcceptedAt: sink.lastAcceptedAt,
      firstMailHasTrackedLink: /\/api\/v1\/phishing\/click\/[A-Za-z0-9_-]{43}/.test(first.replace(/=\r?\n/g, '').replace(/=3D/gi, '=')),
    });
  } else if (message === 'close') {
    await sink.close();
    process.exit(0);
  }
});
