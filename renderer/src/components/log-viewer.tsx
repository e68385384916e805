// Virtualized log viewer: fetches windows of lines on demand (smooth at 1,000,000 lines), highlights evidence lines,
// jumps to the failing action and searches on the server side.
import { useCallback, useEffect, useId, useReducer, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { LogAccess } from '../wizard/store.ts';

const BLOCK = 500;
const ROW_HEIGHT = 18;

interface Props {
  path: string;
  access: LogAccess;
  /** 1-based line to show first (the failing action or an evidence line). */
  initialLine: number | null;
  /** 1-based line of the failing action, when known. */
  failedLine: number | null;
  /** 1-based evidence lines to highlight. */
  evidenceLines: number[];
}

export function LogViewer({ path, access, initialLine, failedLine, evidenceLines }: Props) {
  const { t } = useTranslation();
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const blocks = useRef(new Map<number, string[]>());
  const pending = useRef(new Set<number>());
  const [, rerender] = useReducer((x: number) => x + 1, 0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<number[] | null>(null);
  const [truncated, setTruncated] = useState(false);
  const [current, setCurrent] = useState(0);
  const searchId = useId();
  // Long lines (a custom action's command line, a property dump) scroll sideways unless wrapped; rows then differ in
  // height, so the virtualizer measures them.
  const [wrap, setWrap] = useState(false);
  const evidence = useRef(new Set(evidenceLines));
  evidence.current = new Set(evidenceLines);

  const fetchBlock = useCallback(
    async (block: number) => {
      if (blocks.current.has(block) || pending.current.has(block)) return;
      pending.current.add(block);
      const result = await access.lines(path, block * BLOCK, BLOCK);
      pending.current.delete(block);
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      blocks.current.set(block, result.value.lines);
      if (result.value.total !== null) setTotal(result.value.total);
      else setTotal((old) => Math.max(old ?? 0, result.value.from + result.value.lines.length));
      rerender();
    },
    [access, path],
  );

  useEffect(() => {
    blocks.current.clear();
    setTotal(null);
    void fetchBlock(initialLine ? Math.floor((initialLine - 1) / BLOCK) : 0);
  }, [fetchBlock, initialLine]);

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 30,
  });
  useEffect(() => {
    virtualizer.measure();
  }, [wrap, virtualizer]);
  const items = virtualizer.getVirtualItems();

  // Fetch the windows the visible rows fall in.
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total === null) return;
    for (let b = Math.floor(first / BLOCK); b <= Math.floor(last / BLOCK); b++) void fetchBlock(b);
  }, [first, last, total, fetchBlock]);

  // Once the size is known, show the requested line.
  const jumped = useRef(false);
  useEffect(() => {
    if (total !== null && initialLine && !jumped.current) {
      jumped.current = true;
      virtualizer.scrollToIndex(Math.min(initialLine - 1, total - 1), { align: 'center' });
    }
  }, [total, initialLine, virtualizer]);

  const goTo = (index: number) => virtualizer.scrollToIndex(index, { align: 'center' });
  const currentMatch = matches && matches.length ? matches[current] : undefined;

  const onSearch = async () => {
    if (!query.trim()) return;
    const result = await access.search(path, query.trim(), 10_000);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setMatches(result.value.matches);
    setTruncated(result.value.truncated);
    setCurrent(0);
    if (result.value.matches[0] !== undefined) goTo(result.value.matches[0]);
  };
  const step = (delta: number) => {
    if (!matches?.length) return;
    const next = (current + delta + matches.length) % matches.length;
    setCurrent(next);
    goTo(matches[next] as number);
  };

  return (
    <div className="log-viewer" data-testid="log-viewer">
      <div className="log-toolbar">
        <span className="field-hint" data-testid="log-total">
          {total === null ? t('log.loading') : t('log.lines', { count: total, total: total.toLocaleString() })}
        </span>
        {failedLine !== null && (
          <button type="button" className="button small" onClick={() => goTo(failedLine - 1)} data-testid="log-jump">
            {t('log.jump')}
          </button>
        )}
        <form
          className="log-search"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            void onSearch();
          }}
        >
          <label htmlFor={searchId} className="visually-hidden">
            {t('log.search')}
          </label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('log.search')}
            data-testid="log-search"
          />
          <button type="submit" className="button small">
            {t('log.searchButton')}
          </button>
          {matches && (
            <span className="field-hint" role="status" data-testid="log-matches">
              {matches.length === 0
                ? t('log.noMatches')
                : truncated
                  ? t('log.matchesTruncated', { count: matches.length })
                  : t('log.matches', { count: matches.length })}
            </span>
          )}
          {matches && matches.length > 1 && (
            <>
              <button type="button" className="button subtle small" onClick={() => step(-1)}>
                {t('log.previous')}
              </button>
              <button type="button" className="button subtle small" onClick={() => step(1)}>
                {t('log.next')}
              </button>
            </>
          )}
        </form>
      </div>
      <label className="checkbox log-wrap-toggle">
        <input type="checkbox" checked={wrap} onChange={(e) => setWrap(e.target.checked)} data-testid="log-wrap" />
        <span>{t('log.wrap')}</span>
      </label>
      {error && <p className="notice notice-error">{error}</p>}
      <div
        ref={scrollRef}
        className={wrap ? 'log-scroll log-wrap' : 'log-scroll'}
        tabIndex={0}
        role="region"
        aria-label={t('log.lineList')}
        data-testid="log-scroll"
      >
        <div className="log-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const block = blocks.current.get(Math.floor(item.index / BLOCK));
            const line = block?.[item.index % BLOCK];
            const lineNo = item.index + 1;
            const classes = ['log-row'];
            if (evidence.current.has(lineNo)) classes.push('log-evidence');
            if (failedLine === lineNo) classes.push('log-failed');
            if (currentMatch === item.index) classes.push('log-match');
            return (
              <div
                key={item.key}
                ref={wrap ? virtualizer.measureElement : undefined}
                data-index={item.index}
                className={classes.join(' ')}
                style={{ transform: `translateY(${item.start}px)`, ...(wrap ? {} : { height: ROW_HEIGHT }) }}
                data-line={lineNo}
              >
                <span className="log-no" aria-hidden="true">
                  {lineNo}
                </span>
                <span className="log-text">{line ?? ''}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
