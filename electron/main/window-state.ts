// The main window's size and position, remembered across runs as JSON in userData; clamped to a visible display.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface WindowState {
  bounds: Partial<Rect> & { width: number; height: number };
  maximized: boolean;
}

/** Sized for the wizard: room for the findings list and a command preview; 800x600 is the smallest supported. */
export const DEFAULT_STATE: WindowState = { bounds: { width: 1040, height: 760 }, maximized: false };
export const MIN_SIZE = { width: 800, height: 600 };

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Validates a saved state against the current displays: a window saved on a monitor that is gone comes back
 * centred (no position) rather than off-screen; sizes are clamped to the minimum and the largest work area.
 */
export function restoreWindowState(saved: unknown, workAreas: Rect[]): WindowState {
  if (typeof saved !== 'object' || saved === null) return DEFAULT_STATE;
  const { bounds, maximized } = saved as { bounds?: Record<string, unknown>; maximized?: unknown };
  if (!bounds || !isFiniteNumber(bounds.width) || !isFiniteNumber(bounds.height)) return DEFAULT_STATE;
  const maxWidth = Math.max(MIN_SIZE.width, ...workAreas.map((a) => a.width));
  const maxHeight = Math.max(MIN_SIZE.height, ...workAreas.map((a) => a.height));
  const width = Math.round(Math.min(Math.max(bounds.width, MIN_SIZE.width), maxWidth));
  const height = Math.round(Math.min(Math.max(bounds.height, MIN_SIZE.height), maxHeight));
  const state: WindowState = { bounds: { width, height }, maximized: maximized === true };
  if (isFiniteNumber(bounds.x) && isFiniteNumber(bounds.y)) {
    const x = Math.round(bounds.x);
    const y = Math.round(bounds.y);
    // Visible enough: the title bar's first 100 px lie inside some display's work area.
    const visible = workAreas.some((a) => x + 100 > a.x && x < a.x + a.width && y >= a.y && y + 30 < a.y + a.height);
    if (visible) state.bounds = { x, y, width, height };
  }
  return state;
}

export function loadWindowState(file: string, workAreas: Rect[]): WindowState {
  try {
    return restoreWindowState(JSON.parse(readFileSync(file, 'utf8')), workAreas);
  } catch {
    return DEFAULT_STATE;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(state), 'utf8');
  } catch {
    // Losing the window position is not worth bothering the user about.
  }
}
