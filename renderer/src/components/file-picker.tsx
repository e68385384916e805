// Choosing files: a button (native dialog in Electron, <input type=file> in the preview) plus a drop zone.
import { useRef, useState, type DragEvent } from 'react';
import type { LocalFile } from '../wizard/store.ts';

export function toLocalFiles(list: FileList | File[]): LocalFile[] {
  return Array.from(list).map((file) => ({
    name: file.name,
    blob: file,
    read: async () => new Uint8Array(await file.arrayBuffer()),
    readBase64: () =>
      new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => {
          const url = String(reader.result);
          resolve(url.slice(url.indexOf(',') + 1));
        };
        reader.onerror = () => reject(reader.error ?? new Error('read failed'));
        reader.readAsDataURL(file);
      }),
  }));
}

interface Props {
  kind: 'log' | 'msi';
  bridge: 'electron' | 'preview';
  buttonLabel: string;
  dropLabel: string;
  onPickNative: () => void;
  onFiles: (files: LocalFile[]) => void;
  testId: string;
}

export function FilePicker({ kind, bridge, buttonLabel, dropLabel, onPickNative, onFiles, testId }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    if (e.dataTransfer.files.length) onFiles(toLocalFiles(e.dataTransfer.files));
  };
  return (
    <div
      className={over ? 'dropzone dropzone-over' : 'dropzone'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid={`${testId}-drop`}
    >
      <button
        type="button"
        className="button"
        onClick={() => (bridge === 'electron' ? onPickNative() : input.current?.click())}
      >
        {buttonLabel}
      </button>
      <span className="dropzone-hint">{dropLabel}</span>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        multiple={kind === 'log'}
        accept={kind === 'msi' ? '.msi,.msp' : '.log,.txt'}
        data-testid={`${testId}-input`}
        onChange={(e) => {
          if (e.target.files?.length) onFiles(toLocalFiles(e.target.files));
          e.target.value = '';
        }}
      />
    </div>
  );
}
