import type { Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { SmtpServer } from './mail.settings';

/**
 * How long a connection may take (a silent server at an offline site must not hold the sender), and the
 * certificate authorities trusted beyond the system's (tests pass their loopback sink's own).
 */
export type SmtpLimits = { connectMs: number; socketMs: number; ca?: string | Buffer };

export const defaultSmtpLimits: SmtpLimits = { connectMs: 15_000, socketMs: 60_000 };

/** "Arctic Hosting <billing@arctic.test>" */
export const senderOf = (server: Pick<SmtpServer, 'fromName' | 'fromAddress'>) => ({ name: server.fromName, address: server.fromAddress });

/**
 * A pooled transport to the facility's server: `none` never upgrades (a relay on the LAN), `starttls` refuses to
 * go on without STARTTLS, `tls` speaks TLS from the first byte. Certificates are always checked. nodemailer is
 * loaded when the first message leaves, not when the app starts.
 */
export async function openSmtpTransport(server: SmtpServer, limits: SmtpLimits, connections = 1): Promise<Transporter<SMTPPool.SentMessageInfo>> {
  const { createTransport } = await import('nodemailer');
  return createTransport({
    pool: true,
    maxConnections: connections,
    maxMessages: 200,
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    auth: server.username ? { user: server.username, pass: server.password ?? '' } : undefined,
    connectionTimeout: limits.connectMs,
    greetingTimeout: limits.connectMs,
    socketTimeout: limits.socketMs,
    tls: limits.ca ? { ca: limits.ca } : undefined,
    logger: false,
    debug: false,
  });
}
