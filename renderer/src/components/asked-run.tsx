// Step 5's "run this program": when no known product's version command answered, the user may run one installed
// program with --version or /?. It names the exact program and argument first, runs only on the click, shows the result.
import { useState } from 'react';
import { ASKED_ARGUMENTS, type AskedArgument, type AskedRun } from '../../../shared/contract/evidence-data.ts';
import { pick } from '../../../shared/knowledge/local-text.ts';
import { useActions, useDomainText, useWizard } from '../wizard/store-context.tsx';

type Shown =
  { kind: 'idle' } | { kind: 'running' } | { kind: 'result'; run: AskedRun } | { kind: 'refused'; why: string };

/** As the program will be started: the path quoted when it has spaces, then the one argument. */
function commandLine(program: string, argument: AskedArgument): string {
  const shown = program.includes(' ') ? `"${program}"` : program;
  return `> ${shown} ${ASKED_ARGUMENTS[argument].join(' ')}`;
}

export function AskedRunCheck() {
  const text = useDomainText();
  const lang = useWizard((s) => s.lang);
  const actions = useActions();
  const [program, setProgram] = useState('');
  const [argument, setArgument] = useState<AskedArgument>('version');
  const [shown, setShown] = useState<Shown>({ kind: 'idle' });
  const say = (key: string, params: Record<string, string | number> = {}) => text({ key, params });

  async function run() {
    setShown({ kind: 'running' });
    const result = await actions.runKeyFile(program.trim(), argument);
    if (result.ok) setShown({ kind: 'result', run: result.value });
    else
      setShown({
        kind: 'refused',
        why: result.error.text ? pick(result.error.text, lang) : say('after-install.asked.failed'),
      });
  }

  const output = shown.kind === 'result' ? `${shown.run.stdout}${shown.run.stderr}`.trim() : '';
  return (
    <section className="product-check" aria-labelledby="asked-run-heading" data-testid="asked-run">
      <h3 id="asked-run-heading">{say('after-install.asked.heading')}</h3>
      <p>{say('after-install.asked.intro')}</p>
      <label className="field">
        <span>{say('after-install.asked.program')}</span>
        <input
          type="text"
          value={program}
          spellCheck={false}
          onChange={(e) => {
            setProgram(e.target.value);
            setShown({ kind: 'idle' });
          }}
          data-testid="asked-run-program"
        />
      </label>
      <fieldset className="field">
        <legend>{say('after-install.asked.argument')}</legend>
        {(Object.keys(ASKED_ARGUMENTS) as AskedArgument[]).map((a) => (
          <label key={a}>
            <input
              type="radio"
              name="asked-run-argument"
              checked={argument === a}
              onChange={() => setArgument(a)}
              data-testid={`asked-run-argument-${a}`}
            />{' '}
            {say(`after-install.asked.argument.${a}`)}
          </label>
        ))}
      </fieldset>
      {program.trim() !== '' && (
        <div className="product-output">
          <p>{say('after-install.asked.will-run')}</p>
          <code className="product-command" data-testid="asked-run-command">
            {commandLine(program.trim(), argument)}
          </code>
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={program.trim() === '' || shown.kind === 'running'}
          onClick={() => void run()}
          data-testid="asked-run-start"
        >
          {say('after-install.asked.run')}
        </button>
      </div>
      {shown.kind === 'running' && (
        <p className="working" role="status">
          <span className="spinner" aria-hidden="true" /> {say('after-install.asked.running')}
        </p>
      )}
      {shown.kind === 'refused' && <p data-testid="asked-run-none">{shown.why}</p>}
      {shown.kind === 'result' && (
        <div className="product-output" data-testid="asked-run-result">
          {shown.run.ran && output ? (
            <pre data-testid="asked-run-output">{output}</pre>
          ) : (
            <p data-testid="asked-run-none">
              {shown.run.ran && !shown.run.notRun
                ? say('after-install.no-output', { code: shown.run.exitCode ?? '-' })
                : say(shown.run.exists ? `after-install.not-run.${shown.run.notRun}` : 'after-install.asked.missing')}
            </p>
          )}
          {shown.run.ran && output && shown.run.notRun && <p>{say(`after-install.not-run.${shown.run.notRun}`)}</p>}
        </div>
      )}
    </section>
  );
}
