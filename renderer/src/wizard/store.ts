// The wizard store: a vanilla zustand store over shared/wizard's transition(), with the API injected (testable in Node).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lang, RepairId } from '../../../shared/contract/ids.ts';
import type { ApiResponses, MsiDoctorApi, PickedFile, ScenarioInfo } from '../../../shared/contract/api.ts';
import type { JournalSummary } from '../../../shared/contract/repair.ts';
import { fail, type Result } from '../../../shared/contract/result.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from '../../../shared/contract/import-limit.ts';
import type { FileUploader } from '../api/bridge.ts';
import type { CauseId } from '../../../shared/contract/ids.ts';
import type { ReportState, SymptomChoice, WizardState } from '../../../shared/wizard/wizard-state.ts';
import type { WizardEvent } from '../../../shared/wizard/wizard-events.ts';
import { initialState, transition, usableLogs } from '../../../shared/wizard/transition.ts';

export type Environment = ApiResponses['getEnvironment'];

/** A file handed to the renderer (input or drop): only its name and a way to read it. */
export interface LocalFile {
  name: string;
  read(): Promise<Uint8Array>;
  /** Native base64 encoding when the host has one (FileReader in browsers: much faster on big logs). */
  readBase64?: () => Promise<string>;
  /** The browser's File: uploaded as it is read from disk when the host has an uploader (the preview). */
  blob?: Blob;
}

/** Direct log access for the viewer (it caches windows of lines itself; nothing of it is wizard state). */
export interface LogAccess {
  lines(path: string, from: number, count: number): Promise<Result<ApiResponses['getLogLines']>>;
  search(path: string, query: string, limit: number): Promise<Result<ApiResponses['searchLog']>>;
  analyze(path: string): Promise<Result<ApiResponses['analyzeLog']>>;
}

export interface WizardActions {
  logs: LogAccess;
  init(): Promise<void>;
  dispose(): void;
  setLang(lang: Lang): void;
  selectScenario(name: string): Promise<void>;
  choose(choice: SymptomChoice): void;
  editText(text: string): Promise<void>;
  pickFile(kind: 'log' | 'msi'): Promise<void>;
  importFiles(files: LocalFile[], kind: 'log' | 'msi'): Promise<void>;
  removeLog(path: string): void;
  clearMsi(): void;
  /** A path on the (simulated) machine, e.g. the scenario's own installer. */
  useMsiPath(path: string): void;
  submitSymptom(): void;
  backToSymptom(): void;
  startScan(allowElevation: boolean): Promise<void>;
  cancelScan(): Promise<void>;
  chooseRepair(cause: CauseId, repair: RepairId): Promise<void>;
  nextFix(): Promise<void>;
  /** Adds a log the scan found on the machine and scans again with it. */
  analyzeFoundLog(path: string): Promise<void>;
  confirmRepair(confirmations: string[]): Promise<void>;
  cancelRepair(): Promise<void>;
  undo(): Promise<void>;
  backToFindings(): void;
  openVerify(): void;
  startVerify(): Promise<void>;
  confirmVerify(): Promise<void>;
  /**
   * Step 5, only on the user's click: runs one program with --version or /? (main checks the path first). The
   * result, or the refusal in both languages, is the caller's to show in the step (no error banner).
   */
  runKeyFile(program: string, argument: 'version' | 'help'): Promise<Result<ApiResponses['runKeyFile']>>;
  openReport(): void;
  setReportOptions(options: { format?: ReportState['format']; redact?: boolean }): void;
  exportReport(): Promise<void>;
  copySummary(text: string): Promise<void>;
  openHistory(): Promise<void>;
  loadSession(sessionId: string): Promise<void>;
  openLog(path: string, line: number | null): void;
  closeOverlay(): void;
  dismissError(): void;
  /** Start over: asks first when a repair ran in this session. */
  startOver(): void;
  /** The user confirmed starting over: the session ends (kept in the history). */
  confirmStartOver(): Promise<void>;
  /** How soon a restart repair restarts Windows (minutes; 0 = now): the plan is made again. */
  chooseRestartDelay(minutes: number): Promise<void>;
  /** Undoes a repair that an earlier run of the app left unfinished (crash, power loss, restart mid-repair). */
  undoInterrupted(journalId: string): Promise<void>;
  dismissInterrupted(journalId: string): void;
}

/** A repair an earlier run left unfinished, found in the journals at start, and what became of the offer to undo it. */
export interface InterruptedRepair {
  journal: JournalSummary;
  status: 'pending' | 'undoing' | 'undone' | 'failed';
}

export interface WizardStoreState {
  wizard: WizardState;
  env: Environment | null;
  envError: string | null;
  scenarios: ScenarioInfo[];
  interrupted: InterruptedRepair[];
  lang: Lang;
  /** 'preview': files come from <input type=file> / drops uploaded with importFile; 'electron': native dialogs. */
  bridge: 'electron' | 'preview';
  actions: WizardActions;
}

export interface StoreDeps {
  api: MsiDoctorApi;
  lang: Lang;
  bridge?: 'electron' | 'preview';
  /** The preview's streamed upload (POST /upload); without it, files go through importFile as base64. */
  upload?: FileUploader;
  /** Clipboard writer (navigator.clipboard in the browser); injected so Node tests need no DOM. */
  writeClipboard?: (text: string) => Promise<void>;
}

export type WizardStore = StoreApi<WizardStoreState>;

/** Said before a too-large file is sent (the preview server would answer 413 after reading it all). */
function tooLargeText(lang: Lang, name: string): string {
  return lang === 'zh-CN'
    ? `“${name}”超过 ${MAX_IMPORT_LABEL}，预览版能接收的文件最大为 ${MAX_IMPORT_LABEL}。`
    : `"${name}" is larger than ${MAX_IMPORT_LABEL}, the largest file the preview can take.`;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** How long pasted text must stay unchanged before it is imported as a log. */
export const PASTE_SETTLE_MS = 400;

export function createWizardStore(deps: StoreDeps): WizardStore {
  const { api } = deps;
  const unsubscribers: Array<() => void> = [];
  /** The user pressed cancel before the scan id was known: cancel as soon as the first progress event names it. */
  let cancelWhenKnown = false;
  /** The wait before pasted log text is imported: a newer edit ends it (and imports its own text later). */
  let pasteWait: { settle: () => void } | null = null;

  return createStore<WizardStoreState>()((set, get) => {
    const dispatch = (event: WizardEvent) => set({ wizard: transition(get().wizard, event) });
    const wizard = () => get().wizard;
    /** Runs an API call; on failure dispatches OPERATION_FAILED and returns null. */
    async function call<T>(promise: Promise<Result<T>>): Promise<T | null> {
      const result = await promise;
      if (result.ok) return result.value;
      dispatch({ type: 'OPERATION_FAILED', error: result.error });
      return null;
    }

    async function importOne(file: LocalFile): Promise<Result<PickedFile>> {
      if (file.blob && deps.upload) {
        if (file.blob.size > MAX_IMPORT_BYTES) return fail('invalid-input', tooLargeText(get().lang, file.name));
        return deps.upload(file.name, file.blob);
      }
      const base64 = file.readBase64 ? await file.readBase64() : toBase64(await file.read());
      return api.importFile({ name: file.name, base64 });
    }

    /** What a scan asks for: the diagnosis of a new session, or a check of the session shown. */
    function scanRequest(purpose: 'diagnose' | 'verify' | 'new-log', logPaths?: string[]) {
      const { draft, allowElevation, session } = wizard();
      // A diagnosis before any repair refines the session (a found log added); anything later checks it.
      const continues = session !== null && (purpose !== 'diagnose' || session.repairs.length === 0);
      return {
        symptom: draft.textIsLog ? '' : draft.text,
        logPaths: logPaths ?? usableLogs(draft).map((l) => l.path),
        msiPath: draft.msi?.path ?? session?.symptom.msiPath ?? null,
        allowElevation,
        sessionId: continues ? session.sessionId : null,
        purpose,
        choice: draft.choice ?? session?.symptom.choice ?? null,
      };
    }

    async function scan(purpose: 'diagnose' | 'verify' | 'new-log', logPaths?: string[]): Promise<void> {
      const result = await api.startScan(scanRequest(purpose, logPaths));
      if (result.ok) dispatch({ type: 'SCAN_FINISHED', session: result.value });
      else dispatch({ type: 'SCAN_FAILED', error: result.error });
    }

    /** The main process plans from the diagnosis: the wizard names the cause and the repair, never parameters. */
    async function planCurrentFix(): Promise<void> {
      const { fix, session, step } = wizard();
      if (step !== 'fix' || fix?.phase !== 'planning' || !session) return;
      const options = fix.restartInMinutes !== null ? { restartInMinutes: fix.restartInMinutes } : {};
      const plan = await call(
        api.planRepair({ scanId: session.latest.scanId, cause: fix.cause, repair: fix.repair, options }),
      );
      if (plan) dispatch({ type: 'PLAN_READY', plan });
    }

    /** Asks the analyzer about each given log: usable, or refused with its one-line reason. */
    async function checkLogs(files: PickedFile[]): Promise<void> {
      await Promise.all(
        files.map(async (file) => {
          const analysis = await api.analyzeLog({ path: file.path });
          // Only "this is not a log" refuses a file; a log the analyzer cannot reach now is left to the scan.
          const refused =
            !analysis.ok && (analysis.error.code === 'invalid-input' || analysis.error.code === 'not-found');
          const reason = analysis.ok
            ? null
            : (analysis.error.text ?? { en: analysis.error.message, 'zh-CN': analysis.error.message });
          dispatch({ type: 'LOG_CHECKED', path: file.path, usable: !refused, reason: refused ? reason : null });
        }),
      );
    }

    const actions: WizardActions = {
      logs: {
        lines: (path, from, count) => api.getLogLines({ path, from, count }),
        search: (path, query, limit) => api.searchLog({ path, query, limit }),
        analyze: (path) => api.analyzeLog({ path }),
      },
      async init() {
        unsubscribers.push(
          api.on('scanProgress', (progress) => {
            dispatch({ type: 'SCAN_PROGRESS', progress });
            if (cancelWhenKnown && wizard().scan.scanId) {
              cancelWhenKnown = false;
              void api.cancelScan({ scanId: wizard().scan.scanId as string });
            }
          }),
          api.on('repairProgress', (progress) => dispatch({ type: 'REPAIR_PROGRESS', progress })),
          api.on('sessionChanged', (session) => dispatch({ type: 'SESSION_UPDATED', session })),
          api.on('filesOpened', ({ paths }) => {
            const files: PickedFile[] = paths.map((path) => ({ path, name: path.split(/[\\/]/).pop() || path }));
            const logs = files.filter((f) => !/\.msi$/i.test(f.name));
            const msi = files.find((f) => /\.msi$/i.test(f.name));
            if (logs.length) {
              dispatch({ type: 'LOGS_ADDED', files: logs });
              void checkLogs(logs);
            }
            if (msi) dispatch({ type: 'MSI_SET', file: msi });
          }),
          api.on('menuCommand', ({ command }) => {
            if (command === 'start-over') actions.startOver();
            else if (command === 'export-report') actions.openReport();
            else if (command === 'open-log') void actions.pickFile('log');
            else if (command === 'open-msi') void actions.pickFile('msi');
          }),
        );
        const env = await api.getEnvironment({});
        if (!env.ok) {
          set({ envError: env.error.message });
          return;
        }
        set({ env: env.value, envError: null });
        // A reload mid-fix, or the session resumed after a restart: the wizard shows it, with its running repair.
        const active = await api.getActiveSession({});
        if (active.ok && active.value)
          dispatch({
            type: 'SESSION_RESTORED',
            session: active.value,
            resumed: active.value.repairs.some((r) => r.restart?.resumedAt),
          });
        // An unfinished journal means a repair stopped half-way: tell the user and offer its undo; the journal says what ran.
        const journals = await api.listJournals({});
        if (journals.ok)
          set({
            interrupted: journals.value
              .filter((j) => j.state === 'unfinished')
              .map((journal) => ({ journal, status: 'pending' as const })),
          });
        if (env.value.kind === 'simulated') {
          const scenarios = await api.listScenarios({});
          if (scenarios.ok) set({ scenarios: scenarios.value });
        }
      },
      dispose() {
        for (const off of unsubscribers.splice(0)) off();
      },
      setLang(lang) {
        set({ lang });
      },
      async selectScenario(name) {
        const env = await api.selectScenario({ name });
        if (!env.ok) {
          dispatch({ type: 'OPERATION_FAILED', error: env.error });
          return;
        }
        const current = get().env;
        if (current) set({ env: { ...current, ...env.value } });
        // Another machine: the session of the previous one is over.
        await actions.confirmStartOver();
      },
      choose(choice) {
        dispatch({ type: 'CHOICE_SELECTED', choice });
      },
      async editText(text) {
        dispatch({ type: 'TEXT_EDITED', text });
        if (!text.trim()) return;
        const parsed = await api.parseSymptom({ text });
        if (!parsed.ok) return;
        if (!parsed.value.looksLikeLog) {
          dispatch({ type: 'SYMPTOM_PARSED', text, parsed: parsed.value });
          return;
        }
        // Log lines pasted into the code box: analyzed as a log (the same as uploading it), never read as codes.
        // Imported once the text stops changing, not one file per keystroke while the user edits it.
        if (wizard().draft.text !== text) return;
        pasteWait?.settle();
        await new Promise<void>((settle) => {
          const timer = setTimeout(settle, PASTE_SETTLE_MS);
          // A newer edit ends this wait at once (it then sees the text changed and stops).
          pasteWait = {
            settle: () => {
              clearTimeout(timer);
              settle();
            },
          };
        });
        if (wizard().draft.text !== text) return;
        const file = await call(
          api.importFile({ name: 'pasted-log.txt', base64: toBase64(new TextEncoder().encode(text)) }),
        );
        if (!file) return;
        dispatch({ type: 'TEXT_IS_LOG', text, file });
        if (wizard().draft.textIsLog) await checkLogs([file]);
      },
      async pickFile(kind) {
        const picked = await call(api.pickFile({ kind }));
        if (!picked) return;
        if (kind === 'msi') dispatch({ type: 'MSI_SET', file: picked });
        else {
          dispatch({ type: 'LOGS_ADDED', files: [picked] });
          await checkLogs([picked]);
        }
      },
      async importFiles(files, kind) {
        const imported: PickedFile[] = [];
        for (const file of files) {
          const done = await call(importOne(file));
          if (done) imported.push(done);
        }
        if (kind === 'msi') {
          if (imported[0]) dispatch({ type: 'MSI_SET', file: imported[0] });
        } else if (imported.length) {
          dispatch({ type: 'LOGS_ADDED', files: imported });
          await checkLogs(imported);
        }
      },
      removeLog(path) {
        dispatch({ type: 'LOG_REMOVED', path });
      },
      useMsiPath(path) {
        dispatch({ type: 'MSI_SET', file: { path, name: path.split(/[\\/]/).pop() || path } });
      },
      clearMsi() {
        dispatch({ type: 'MSI_SET', file: null });
      },
      submitSymptom() {
        dispatch({ type: 'SYMPTOM_SUBMITTED' });
      },
      backToSymptom() {
        dispatch({ type: 'CONSENT_BACK' });
      },
      async startScan(allowElevation) {
        dispatch({ type: 'SCAN_CONFIRMED', allowElevation });
        if (wizard().step !== 'scanning') return;
        cancelWhenKnown = false;
        await scan('diagnose');
      },
      async cancelScan() {
        dispatch({ type: 'SCAN_CANCEL_REQUESTED' });
        const scanId = wizard().scan.scanId;
        if (scanId) await api.cancelScan({ scanId });
        else cancelWhenKnown = true;
      },
      async chooseRepair(cause, repair) {
        dispatch({ type: 'REPAIR_CHOSEN', cause, repair });
        await planCurrentFix();
      },
      async analyzeFoundLog(path) {
        dispatch({ type: 'FOUND_LOG_ADDED', file: { path, name: path.split(/[\\/]/).pop() || path } });
        if (wizard().step !== 'scanning') return;
        await scan('diagnose');
      },
      async nextFix() {
        dispatch({ type: 'NEXT_FIX_REQUESTED' });
        await planCurrentFix();
      },
      async confirmRepair(confirmations) {
        const plan = wizard().fix?.plan;
        dispatch({ type: 'REPAIR_CONFIRMED' });
        if (!plan || wizard().fix?.phase !== 'running') return;
        const outcome = await call(api.runRepair({ planId: plan.planId, confirmations }));
        if (outcome) dispatch({ type: 'REPAIR_FINISHED', outcome });
      },
      async cancelRepair() {
        const plan = wizard().fix?.plan ?? wizard().verify?.plan;
        if (plan) await api.cancelRepair({ planId: plan.planId });
      },
      async chooseRestartDelay(minutes) {
        dispatch({ type: 'RESTART_DELAY_CHOSEN', minutes });
        await planCurrentFix();
      },
      async undo() {
        // The journal of a run is its plan's id.
        const journalId = wizard().fix?.plan?.planId;
        dispatch({ type: 'UNDO_REQUESTED' });
        if (!journalId || wizard().fix?.phase !== 'undoing') return;
        const outcome = await call(api.undoRepair({ journalId }));
        if (outcome) dispatch({ type: 'UNDO_FINISHED', outcome });
      },
      backToFindings() {
        dispatch({ type: 'BACK_TO_FINDINGS' });
      },
      openVerify() {
        dispatch({ type: 'VERIFY_OPENED' });
        const session = wizard().session;
        if (wizard().verify?.phase !== 'planning' || !session) return;
        // The main process decides how to check: a logged retry of the .msi when there is one, else a rescan.
        void call(api.planVerification({ sessionId: session.sessionId })).then((verification) => {
          if (verification) dispatch({ type: 'VERIFY_PLANNED', verification });
        });
      },
      async startVerify() {
        dispatch({ type: 'VERIFY_STARTED' });
        if (wizard().verify?.phase === 'rescanning') await scan('verify');
      },
      async confirmVerify() {
        const plan = wizard().verify?.plan ?? null;
        dispatch({ type: 'VERIFY_CONFIRMED' });
        if (!plan || wizard().verify?.phase !== 'running') return;
        const outcome = await call(api.runRepair({ planId: plan.planId, confirmations: plan.confirmations }));
        if (!outcome) return;
        dispatch({ type: 'VERIFY_INSTALL_FINISHED', outcome });
        // The install failed again: its new log (the plan says where it is) is diagnosed in the same session.
        const newLog = outcome.installLog?.path;
        if (wizard().verify?.phase === 'rescanning' && newLog) await scan('new-log', [newLog]);
      },
      runKeyFile(program, argument) {
        return api.runKeyFile({ program, argument });
      },
      openReport() {
        dispatch({ type: 'REPORT_OPENED' });
      },
      setReportOptions(options) {
        dispatch({ type: 'REPORT_OPTIONS_CHANGED', ...options });
      },
      async exportReport() {
        const { session, report } = wizard();
        if (!session) return;
        dispatch({ type: 'EXPORT_STARTED' });
        // The report is the session's: its record, and only its own repairs and journals.
        const exported = await call(
          api.exportReport({
            sessionId: session.sessionId,
            format: report.format,
            redact: report.redact,
            lang: get().lang,
          }),
        );
        if (exported) dispatch({ type: 'EXPORT_FINISHED', exported });
      },
      async copySummary(text) {
        if (!deps.writeClipboard) return;
        try {
          await deps.writeClipboard(text);
          dispatch({ type: 'SUMMARY_COPIED' });
        } catch (error) {
          dispatch({
            type: 'OPERATION_FAILED',
            error: { code: 'unavailable', message: error instanceof Error ? error.message : String(error) },
          });
        }
      },
      async openHistory() {
        dispatch({ type: 'HISTORY_OPENED' });
        if (wizard().overlay?.kind !== 'history') return;
        const sessions = await call(api.listSessions({}));
        if (sessions) dispatch({ type: 'HISTORY_LOADED', sessions });
      },
      async loadSession(sessionId) {
        const session = await call(api.getSession({ sessionId }));
        if (session) dispatch({ type: 'SESSION_LOADED', session });
      },
      openLog(path, line) {
        dispatch({ type: 'LOG_VIEWER_OPENED', path, line });
      },
      closeOverlay() {
        dispatch({ type: 'OVERLAY_CLOSED' });
      },
      dismissError() {
        dispatch({ type: 'ERROR_DISMISSED' });
      },
      startOver() {
        cancelWhenKnown = false;
        const { session, readOnly } = wizard();
        dispatch({ type: 'START_OVER_REQUESTED' });
        // Nothing ran: no question asked, and the session is over (a reload does not bring it back).
        if (session && !readOnly && wizard().session === null) void api.endSession({ sessionId: session.sessionId });
      },
      async confirmStartOver() {
        const { session, readOnly } = wizard();
        if (session && !readOnly) {
          const ended = await call(api.endSession({ sessionId: session.sessionId }));
          if (!ended) return;
        }
        dispatch({ type: 'START_OVER' });
      },
      async undoInterrupted(journalId) {
        const mark = (status: InterruptedRepair['status']) =>
          set({
            interrupted: get().interrupted.map((i) => (i.journal.journalId === journalId ? { ...i, status } : i)),
          });
        mark('undoing');
        const outcome = await api.undoRepair({ journalId });
        mark(outcome.ok && outcome.value.status === 'succeeded' ? 'undone' : 'failed');
      },
      dismissInterrupted(journalId) {
        set({ interrupted: get().interrupted.filter((i) => i.journal.journalId !== journalId) });
      },
    };

    return {
      wizard: initialState(),
      env: null,
      envError: null,
      scenarios: [],
      interrupted: [],
      lang: deps.lang,
      bridge: deps.bridge ?? 'preview',
      actions,
    };
  });
}
