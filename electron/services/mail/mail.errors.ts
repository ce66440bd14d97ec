import type { SmtpServer } from './mail.settings';

/**
 * A failed hand-over in plain words. `permanent`: the server refused this message for good (a 5xx to the
 * recipient or the content), so trying again cannot help; anything else (no link, a login or TLS problem that
 * Settings can mend, a 4xx) is tried again later.
 */
export type SmtpFailure = { sentence: string; serverAnswer: string | null; permanent: boolean };

type NodemailerError = Error & { code?: string; responseCode?: number; response?: string; command?: string };

const certificateProblems: [RegExp, string][] = [
  [/self[- ]signed/i, 'is self-signed'],
  [/expired/i, 'has expired'],
  [/altname|does not match|hostname\/ip/i, 'is made out for another host name'],
  [/unable to (verify|get local issuer)|unknown ca|certificate chain/i, 'is not signed by an authority this computer trusts'],
];

const connectionProblems: [RegExp, (where: string, server: SmtpServer) => string][] = [
  [/ECONNREFUSED/, (where) => `Nothing answered at ${where}: the connection was refused. Check the host and port, and that the mail server is running.`],
  [
    /ENOTFOUND|EAI_AGAIN|EDNS/,
    (_where, server) => `The host name ${server.host} could not be found. Check its spelling, or that this site's network link and DNS are up.`,
  ],
  [/EHOSTUNREACH|ENETUNREACH/, (where) => `There is no route to ${where}. Check this site's network link.`],
  [/ECONNRESET|EPIPE/, (where) => `The mail server at ${where} closed the connection before the message was handed over.`],
];

const noStarttls = (where: string, answer: string | null) =>
  `The mail server at ${where} does not offer STARTTLS${answer ? ` (${answer})` : ''}. Choose TLS if it expects TLS on this port, or None.`;

function tlsSentence(message: string, where: string, server: SmtpServer): string | null {
  if (/wrong version number|packet length too long|unknown protocol/i.test(message))
    return `The mail server at ${where} did not answer in TLS: it expects plain SMTP on this port. Choose STARTTLS (usual on port 587) or None (port 25) as the security.`;
  for (const [pattern, reason] of certificateProblems)
    if (pattern.test(message))
      return `The secure connection to ${where} failed: the server's certificate ${reason}. Give the mail server a certificate this computer trusts, or ask its administrator.`;
  if (/STARTTLS/i.test(message) && server.security === 'starttls') return noStarttls(where, null);
  return null;
}

function timeoutSentence(where: string, server: SmtpServer): string {
  const hint = server.port === 465 && server.security !== 'tls' ? ' Port 465 usually expects TLS: choose TLS as the security.' : '';
  return `The mail server at ${where} did not answer in time. Check the host and port, and that this site's network link is up.${hint}`;
}

function answerSentence(error: NodemailerError, answer: string, where: string, server: SmtpServer): SmtpFailure {
  const code = error.responseCode ?? 0;
  if (error.code === 'EAUTH')
    return {
      sentence: `The mail server at ${where} refused the login for “${server.username}”: ${answer}. Check the user name and password in Settings → E-mail.`,
      serverAnswer: answer,
      permanent: false,
    };
  if (error.code === 'ETLS')
    return {
      sentence: noStarttls(where, answer),
      serverAnswer: answer,
      permanent: false,
    };
  if (code === 530 && /STARTTLS/i.test(answer))
    return {
      sentence: `The mail server at ${where} asks for an encrypted connection first: ${answer}. Choose STARTTLS as the security in Settings → E-mail.`,
      serverAnswer: answer,
      permanent: false,
    };
  if (code === 530 || /authentication required/i.test(answer))
    return {
      sentence: `The mail server at ${where} asks for a login: ${answer}. Fill in the user name and password in Settings → E-mail.`,
      serverAnswer: answer,
      permanent: false,
    };
  if (code >= 400 && code < 500) return { sentence: `The mail server at ${where} asked to try later: ${answer}.`, serverAnswer: answer, permanent: false };
  const refused = error.code === 'EENVELOPE' ? 'refused the recipient' : 'refused the message';
  const next = error.code === 'EENVELOPE' ? ' Check the e-mail address.' : '';
  return { sentence: `The mail server at ${where} ${refused}: ${answer}.${next}`, serverAnswer: answer, permanent: code >= 500 };
}

/** Why the server did not take the message, as a sentence for the outbox and the Settings test. */
export function describeSmtpFailure(error: unknown, server: SmtpServer): SmtpFailure {
  const failure = error as NodemailerError;
  const message = String(failure?.message ?? error);
  const where = `${server.host}:${server.port}`;
  const answer = failure?.response?.trim();
  if (answer && failure.responseCode) return answerSentence(failure, answer, where, server);
  const tls = tlsSentence(message, where, server);
  if (tls) return { sentence: tls, serverAnswer: null, permanent: false };
  for (const [pattern, sentence] of connectionProblems) if (pattern.test(`${failure?.code ?? ''} ${message}`)) return transient(sentence(where, server));
  if (failure?.code === 'ETIMEDOUT' || /timeout|timed out|greeting never received/i.test(message)) return transient(timeoutSentence(where, server));
  return transient(`The e-mail could not be handed to ${where}: ${message.replace(/\s+/g, ' ').trim()}.`);
}

const transient = (sentence: string): SmtpFailure => ({ sentence, serverAnswer: null, permanent: false });
