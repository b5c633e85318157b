import { useState } from 'react';
import { adminApi, DEAD_LETTER_SERVICES } from '../api/admin.api.ts';
import type { BreakerState, DeadLetter, Faults, ReplicaView, ServiceView } from '../api/types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { EmptyState, Loading } from '../components/loading.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useResource } from '../hooks/use-resource.ts';
import { useSubmit } from '../hooks/use-submit.ts';

/** How often the system overview is read again while the page is open. */
export const SYSTEM_POLL_MS = 3_000;

const BREAKER_TEXT: Record<BreakerState, string> = {
  closed: 'closed (healthy)',
  open: 'open (calls refused)',
  'half-open': 'half-open (trying)',
  isolated: 'isolated (manually)',
};

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

function uptime(seconds: number | null): string {
  if (seconds === null) return 'uptime unknown';
  if (seconds < 120) return `up ${Math.round(seconds)} s`;
  if (seconds < 7200) return `up ${Math.round(seconds / 60)} min`;
  return `up ${(seconds / 3600).toFixed(1)} h`;
}

function Replica({ replica }: { readonly replica: ReplicaView }) {
  const failing = replica.checks.filter((check) => !check.ok);
  return (
    <li>
      <span className="mono">{replica.url}</span> — <span className={`replica-${replica.status}`}>{replica.status}</span>
      {replica.ejected ? <strong className="text-danger"> · taken out of rotation</strong> : null}
      <br />
      <span className="muted">
        {replica.pid !== null ? `pid ${replica.pid} · ` : ''}
        {uptime(replica.uptimeSeconds)} · {replica.inFlight} in flight
      </span>
      {failing.length > 0 ? <p className="text-danger">Failing: {failing.map((check) => check.name).join(', ')}</p> : null}
    </li>
  );
}

function ServiceCard({ service }: { readonly service: ServiceView }) {
  const ready = service.replicas.filter((replica) => replica.status === 'ready').length;
  const state = ready === service.replicas.length && service.breaker === 'closed' ? 'ok' : ready === 0 ? 'down' : 'degraded';
  return (
    <li className={`service-card service-${state}`}>
      <h3>{service.name}</h3>
      <p>
        <span className={`dot dot-${state}`} aria-hidden="true" /> {ready} of {service.replicas.length} replicas ready · breaker {BREAKER_TEXT[service.breaker]}
      </p>
      <ul className="replicas">
        {service.replicas.map((replica) => (
          <Replica key={replica.url} replica={replica} />
        ))}
      </ul>
      {service.messaging ? (
        <p className="messaging">
          Outbox: {service.messaging.outboxPending} pending
          {service.messaging.outboxPending > 0 ? ` (oldest ${service.messaging.outboxOldestAgeSeconds.toFixed(1)} s)` : ''} · dead letters:{' '}
          {service.messaging.deadLettersPending}
        </p>
      ) : null}
    </li>
  );
}

function DeadLetters({ service }: { readonly service: string }) {
  const letters = useResource(`dead-letters:${service}`, (signal) => adminApi.deadLetters(service, signal), { pollMs: SYSTEM_POLL_MS });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const redrive = (id: string) => {
    setBusy(id);
    setError(null);
    setDone(null);
    adminApi
      .redrive(service, id)
      .then(
        () => {
          setDone(`Re-drove ${id}.`);
          letters.reload();
        },
        (failure: unknown) => setError(failure),
      )
      .finally(() => setBusy(null));
  };

  const columns: readonly Column<DeadLetter>[] = [
    {
      header: 'Message',
      cell: (letter) => (
        <>
          {letter.type ?? 'unknown type'}
          <br />
          <span className="mono muted">{letter.messageId ?? letter.id}</span>
        </>
      ),
    },
    { header: 'Consumer', cell: (letter) => letter.consumer, className: 'mono' },
    { header: 'Error', cell: (letter) => letter.error },
    { header: 'Attempts', cell: (letter) => letter.attempts },
    { header: 'Dead since', cell: (letter) => timeFormat.format(new Date(letter.deadAt)) },
    {
      header: 'Actions',
      hideHeader: true,
      cell: (letter) => (
        <button
          type="button"
          className="button secondary"
          disabled={busy !== null}
          onClick={() => redrive(letter.id)}
          aria-label={`Re-drive ${letter.type ?? 'message'} ${letter.messageId ?? letter.id}`}
        >
          {busy === letter.id ? 'Re-driving…' : 'Re-drive'}
        </button>
      ),
    },
  ];

  return (
    <section aria-labelledby={`dl-${service}`} className="dead-letters">
      <h3 id={`dl-${service}`}>{service}</h3>
      {error ? <ErrorMessage error={error} /> : null}
      <div aria-live="polite">{done ? <p className="notice success">{done}</p> : null}</div>
      {letters.loading ? (
        <Loading label={`Loading ${service} dead letters…`} />
      ) : letters.error && !letters.data ? (
        <ErrorMessage error={letters.error} onRetry={letters.reload} />
      ) : !letters.data || letters.data.items.length === 0 ? (
        <p className="muted">No dead letters.</p>
      ) : (
        <DataTable caption={`Dead letters of ${service}`} columns={columns} rows={letters.data.items} rowKey={(letter) => letter.id} />
      )}
    </section>
  );
}

function FaultKnobs() {
  const current = useResource('provider-faults', (signal) => adminApi.faults(signal));
  const [draft, setDraft] = useState<{ latencyMs: string; declinePercent: string; outage: boolean } | null>(null);
  const submission = useSubmit();
  const [saved, setSaved] = useState<Faults | null>(null);

  if (current.loading) return <Loading label="Loading the payment provider's settings…" />;
  if (!current.data) return <ErrorMessage error={current.error} onRetry={current.reload} />;
  const shown = saved ?? current.data;
  const form = draft ?? { latencyMs: String(shown.latencyMs), declinePercent: String(Math.round(shown.declineRate * 100)), outage: shown.outage };

  const apply = (faults: Faults) =>
    submission.submit(() => adminApi.setFaults(faults), {
      onSuccess: (answer) => {
        setSaved(answer);
        setDraft(null);
      },
    });

  return (
    <form
      className="stack fault-knobs"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        apply({ latencyMs: Number(form.latencyMs) || 0, declineRate: Math.min(100, Math.max(0, Number(form.declinePercent) || 0)) / 100, outage: form.outage });
      }}
    >
      <p role="status">
        Now: {shown.outage ? <strong className="text-danger">outage — every call fails</strong> : 'answering'}, {shown.latencyMs} ms added latency,{' '}
        {Math.round(shown.declineRate * 100)}% of approvable cards declined.
      </p>
      {submission.error ? <ErrorMessage error={submission.error} shownFields={['latencyMs', 'declineRate']} /> : null}
      <div className="field-row">
        <div className="field">
          <label htmlFor="fault-latency">Added latency (ms)</label>
          <input
            id="fault-latency"
            type="number"
            min={0}
            max={30000}
            step={100}
            value={form.latencyMs}
            onChange={(event) => setDraft({ ...form, latencyMs: event.target.value })}
            aria-invalid={submission.fieldError('latencyMs') ? true : undefined}
          />
          {submission.fieldError('latencyMs') ? <p className="field-error">{submission.fieldError('latencyMs')}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="fault-decline">Decline rate (%)</label>
          <input
            id="fault-decline"
            type="number"
            min={0}
            max={100}
            value={form.declinePercent}
            onChange={(event) => setDraft({ ...form, declinePercent: event.target.value })}
            aria-invalid={submission.fieldError('declineRate') ? true : undefined}
          />
          {submission.fieldError('declineRate') ? <p className="field-error">{submission.fieldError('declineRate')}</p> : null}
        </div>
      </div>
      <div className="field checkbox">
        <input id="fault-outage" type="checkbox" checked={form.outage} onChange={(event) => setDraft({ ...form, outage: event.target.checked })} />
        <label htmlFor="fault-outage">Outage: the provider refuses every call</label>
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={submission.pending}>
          {submission.pending ? 'Applying…' : 'Apply'}
        </button>
        <button type="button" className="button secondary" disabled={submission.pending} onClick={() => apply({ latencyMs: 0, declineRate: 0, outage: false })}>
          Reset to healthy
        </button>
      </div>
    </form>
  );
}

/** The operator's view: health of every service, breakers, outbox lag, dead letters, and the provider's fault knobs. */
export default function SystemPage() {
  useDocumentTitle('Admin: system');
  const system = useResource('system', (signal) => adminApi.system(signal), { pollMs: SYSTEM_POLL_MS });

  return (
    <div className="page">
      <h1>System</h1>
      <section aria-labelledby="services-title">
        <h2 id="services-title">Services</h2>
        {system.loading ? (
          <Loading label="Loading the system overview…" />
        ) : !system.data ? (
          <ErrorMessage error={system.error} onRetry={system.reload} />
        ) : system.data.services.length === 0 ? (
          <EmptyState title="No services reported" />
        ) : (
          <>
            <p className="muted">
              As of {timeFormat.format(new Date(system.data.generatedAt))}, updated every {SYSTEM_POLL_MS / 1000} s.
              {system.error ? ' The last update failed; showing the one before.' : ''}
            </p>
            <ul className="service-grid">
              {system.data.services.map((service) => (
                <ServiceCard key={service.name} service={service} />
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="faults-title">
        <h2 id="faults-title">Payment provider faults</h2>
        <p>Break checkout on purpose: slow the card processor down, make it decline, or take it offline, then watch orders compensate or wait.</p>
        <FaultKnobs />
      </section>
      <section aria-labelledby="dead-letters-title">
        <h2 id="dead-letters-title">Dead letters</h2>
        <p>Messages a consumer gave up on. Fix the cause, then re-drive them to that consumer.</p>
        {DEAD_LETTER_SERVICES.map((service) => (
          <DeadLetters key={service} service={service} />
        ))}
      </section>
    </div>
  );
}
