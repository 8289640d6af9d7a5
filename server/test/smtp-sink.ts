import type { Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  from: string;
  raw: string;
}

/**
 * A real SMTP server on a free local port that keeps what it receives. `mode` changes its behaviour between runs:
 * accept, refuse every recipient for now (421), or drop every connection once `dropAfter` mails were accepted.
 */
export async function startSmtpSink() {
  const received: ReceivedMail[] = [];
  const sockets = new Set<Socket>();
  const sink = {
    received,
    mode: 'accept' as 'accept' | 'refuse' | 'drop',
    dropAfter: 0,
    /** When the last mail was accepted (Date.now()), for the bench's mails per second. */
    lastAcceptedAt: 0,
    /** Keep the raw mails (tests read them); the bench keeps only the count and the recipients. */
    keepRaw: true,
    url: '',
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (sink.mode === 'refuse') return callback(Object.assign(new Error('Try again later'), { responseCode: 421 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (sink.mode === 'drop' && received.length >= sink.dropAfter) {
          // The connection breaks before the server says 250: the client must treat the mail as not sent.
          for (const socket of sockets) socket.destroy();
          return;
        }
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          raw: sink.keepRaw || received.length === 0 ? Buffer.concat(chunks).toString('utf8') : '',
        });
        sink.lastAcceptedAt = Date.now();
        callback();
      });
    },
  });
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.url = `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`;
  return sink;
}

/** The parts of a multipart mail by content type, decoded from quoted-printable or base64 (enough for our own mails). */
export function mailParts(raw: string): { headers: string; parts: Record<string, string> } {
  const [headers = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\r\n\r\n');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  const parts: Record<string, string> = {};
  const chunks = boundary ? body.split(`--${boundary}`).slice(1, -1) : [`${headers}\r\n\r\n${body}`];
  for (const chunk of chunks) {
    const [head = '', ...content] = chunk.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
    const type = /content-type:\s*([^;\r\n]+)/i.exec(head)?.[1]?.trim() ?? 'text/plain';
    const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(head)?.[1]?.toLowerCase();
    const text = content.join('\r\n\r\n');
    parts[type] =
      encoding === 'base64'
        ? Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8')
        : encoding === 'quoted-printable'
          ? Buffer.from(
              text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
              'latin1',
            ).toString('utf8')
          : text;
  }
  return { headers, parts };
}

/** The subject header, decoded when it is an RFC 2047 word (nodemailer writes non-ASCII subjects so). */
export function subjectOf(raw: string): string {
  const line = /^subject:\s*((?:.*)(?:\r?\n[ \t].*)*)/im.exec(raw)?.[1] ?? '';
  return line
    .replace(/\r?\n[ \t]/g, ' ')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    )
    .trim();
}
