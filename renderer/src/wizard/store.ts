// The wizard store: a vanilla zustand store over shared/wizard's transition(), with the API injected (testable in Node).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lang, RepairId } from '../../../shared/contract/ids.ts';
import type { ApiResponses, MsiDoctorApi, PickedFile, ScenarioInfo } from '../../../shared/contract/api.ts';
import type { JournalSummary, RepairParams, RepairPlan } from '../../../shared/contract/repair.ts';
import type { Result } from '../../../shared/contract/result.ts';
import type { CauseId } from '../../../shared/contract/ids.ts';
import type { ReportState, SymptomChoice, WizardState } from '../../../shared/wizard/wizard-state.ts';
import type { WizardEvent } from '../../../shared/wizard/wizard-events.ts';
import { initialState, transition } from '../../../shared/wizard/transition.ts';

export type Environment = ApiResponses['getEnvironment'];

/** A file handed to the renderer (input or drop): only its name and a way to read it. */
export interface LocalFile {
  name: string;
  read(): Promise<Uint8Array>;
  /** Native base64 encoding when the host has one (FileReader in browsers: much faster on big logs). */
  readBase64?: () => Promise<string>;
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
  openReport(): void;
  setReportOptions(options: { format?: ReportState['format']; redact?: boolean }): void;
  exportReport(): Promise<void>;
  copySummary(text: string): Promise<void>;
  openHistory(): Promise<void>;
  loadSession(scanId: string): Promise<void>;
  openLog(path: string, line: number | null): void;
  closeOverlay(): void;
  dismissError(): void;
  startOver(): void;
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
  /** Clipboard writer (navigator.clipboard in the browser); injected so Node tests need no DOM. */
  writeClipboard?: (text: string) => Promise<void>;
}

export type WizardStore = StoreApi<WizardStoreState>;

/** The install log path of the retry step's command line (`/l*v "path"`), so a failed retry's log can be analyzed. */
export function retryLogPath(plan: RepairPlan | null): string | null {
  for (const step of plan?.steps ?? []) {
    const match =
      /\/l\*?v?x?\+?\s+"([^"]+)"/i.exec(step.commandLine) ?? /\/l\*?v?x?\+?\s+(\S+)/i.exec(step.commandLine);
    if (match?.[1]) return match[1];
  }
  const param = plan?.params['logPath'];
  return typeof param === 'string' ? param : null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function createWizardStore(deps: StoreDeps): WizardStore {
  const { api } = deps;
  const unsubscribers: Array<() => void> = [];
  /** The user pressed cancel before the scan id was known: cancel as soon as the first progress event names it. */
  let cancelWhenKnown = false;

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

    function scanRequest(logPaths?: string[]) {
      const { draft, allowElevation } = wizard();
      return {
        symptom: draft.text,
        logPaths: logPaths ?? draft.logs.map((l) => l.path),
        msiPath: draft.msi?.path ?? null,
        allowElevation,
      };
    }

    /** Repair parameters the plan needs from what the wizard knows (the .msi, the stuck client's PID). */
    function paramsFor(repair: RepairId): RepairParams {
      const { draft, result } = wizard();
      if (repair === 'retry-install-elevated-logged') return draft.msi ? { msiPath: draft.msi.path } : {};
      if (repair === 'end-stuck-client-install') {
        const data = result?.evidence.find((e) => e.probe === 'install-in-progress')?.data as
          { clients?: Array<{ pid?: unknown }> } | undefined;
        const pid = data?.clients?.find((c) => typeof c.pid === 'number')?.pid;
        return typeof pid === 'number' ? { pid } : {};
      }
      return {};
    }

    async function planCurrentFix(): Promise<void> {
      const fix = wizard().fix;
      if (wizard().step !== 'fix' || fix?.phase !== 'planning') return;
      const plan = await call(api.planRepair({ repair: fix.repair, params: paramsFor(fix.repair) }));
      if (plan) dispatch({ type: 'PLAN_READY', plan });
    }

    async function rescan(logPaths?: string[]): Promise<void> {
      const result = await api.startScan(scanRequest(logPaths));
      if (result.ok) dispatch({ type: 'VERIFY_RESCAN_FINISHED', result: result.value });
      else dispatch({ type: 'SCAN_FAILED', error: result.error });
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
          api.on('filesOpened', ({ paths }) => {
            const files: PickedFile[] = paths.map((path) => ({ path, name: path.split(/[\\/]/).pop() || path }));
            const logs = files.filter((f) => !/\.msi$/i.test(f.name));
            const msi = files.find((f) => /\.msi$/i.test(f.name));
            if (logs.length) dispatch({ type: 'LOGS_ADDED', files: logs });
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
        actions.startOver();
      },
      choose(choice) {
        dispatch({ type: 'CHOICE_SELECTED', choice });
      },
      async editText(text) {
        dispatch({ type: 'TEXT_EDITED', text });
        if (!text.trim()) return;
        const parsed = await api.parseSymptom({ text });
        if (parsed.ok) dispatch({ type: 'SYMPTOM_PARSED', text, parsed: parsed.value });
      },
      async pickFile(kind) {
        const picked = await call(api.pickFile({ kind }));
        if (!picked) return;
        if (kind === 'msi') dispatch({ type: 'MSI_SET', file: picked });
        else dispatch({ type: 'LOGS_ADDED', files: [picked] });
      },
      async importFiles(files, kind) {
        const imported: PickedFile[] = [];
        for (const file of files) {
          const base64 = file.readBase64 ? await file.readBase64() : toBase64(await file.read());
          const done = await call(api.importFile({ name: file.name, base64 }));
          if (done) imported.push(done);
        }
        if (kind === 'msi') {
          if (imported[0]) dispatch({ type: 'MSI_SET', file: imported[0] });
        } else if (imported.length) dispatch({ type: 'LOGS_ADDED', files: imported });
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
        const result = await api.startScan(scanRequest());
        if (result.ok) dispatch({ type: 'SCAN_FINISHED', result: result.value });
        else dispatch({ type: 'SCAN_FAILED', error: result.error });
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
        const result = await api.startScan(scanRequest());
        if (result.ok) dispatch({ type: 'SCAN_FINISHED', result: result.value });
        else dispatch({ type: 'SCAN_FAILED', error: result.error });
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
      async undo() {
        const journalId = wizard().fix?.outcome?.journalId;
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
      },
      async startVerify() {
        dispatch({ type: 'VERIFY_STARTED' });
        const verify = wizard().verify;
        if (verify?.phase === 'planning') {
          const plan = await call(
            api.planRepair({
              repair: 'retry-install-elevated-logged',
              params: paramsFor('retry-install-elevated-logged'),
            }),
          );
          if (plan) dispatch({ type: 'VERIFY_PLAN_READY', plan });
        } else if (verify?.phase === 'rescanning') {
          await rescan();
        }
      },
      async confirmVerify() {
        const plan = wizard().verify?.plan ?? null;
        dispatch({ type: 'VERIFY_CONFIRMED' });
        if (!plan || wizard().verify?.phase !== 'running') return;
        const outcome = await call(api.runRepair({ planId: plan.planId, confirmations: plan.confirmations }));
        if (!outcome) return;
        dispatch({
          type: 'VERIFY_INSTALL_FINISHED',
          outcome,
          newLogPath: outcome.installLog?.path ?? retryLogPath(plan),
        });
        const after = wizard().verify;
        if (after?.phase === 'rescanning' && after.newLogPath) await rescan([after.newLogPath]);
      },
      openReport() {
        dispatch({ type: 'REPORT_OPENED' });
      },
      setReportOptions(options) {
        dispatch({ type: 'REPORT_OPTIONS_CHANGED', ...options });
      },
      async exportReport() {
        const { result, report } = wizard();
        if (!result) return;
        dispatch({ type: 'EXPORT_STARTED' });
        const exported = await call(
          api.exportReport({ scanId: result.scanId, format: report.format, redact: report.redact, lang: get().lang }),
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
      async loadSession(scanId) {
        const result = await call(api.getSession({ scanId }));
        if (result) dispatch({ type: 'SESSION_LOADED', result });
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
