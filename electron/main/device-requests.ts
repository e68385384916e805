// Device pickers are refused: the app never talks to Bluetooth, serial, HID or USB devices, so a page (ours or anything
// that got into it) can never open a chooser. Pure over the emitters' shapes, so it is unit-tested without Electron.

/** The four device-selection events, and what "no device" means to each callback. */
export const DENIED_DEVICE_EVENTS = ['select-serial-port', 'select-hid-device', 'select-usb-device'] as const;

interface PreventableEvent {
  preventDefault(): void;
}
type Listener = (event: PreventableEvent, ...rest: unknown[]) => void;

export interface EmitterLike {
  on(event: string, listener: Listener): unknown;
}

/** session: serial, HID, USB choosers cancelled (callback with no device). */
export function denySessionDevices(session: EmitterLike, log: (message: string) => void): void {
  for (const name of DENIED_DEVICE_EVENTS) {
    session.on(name, (event, ...rest) => {
      event.preventDefault();
      const callback = rest.at(-1);
      // serial wants '' to cancel; HID and USB cancel with no argument.
      if (typeof callback === 'function')
        (callback as (id?: string) => void)(name === 'select-serial-port' ? '' : undefined);
      log(`device request denied: ${name}`);
    });
  }
}

/** web contents: the Bluetooth chooser cancelled (callback with an empty id). */
export function denyBluetooth(contents: EmitterLike, log: (message: string) => void): void {
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    if (typeof callback === 'function') (callback as (id: string) => void)('');
    log('device request denied: select-bluetooth-device');
  });
}
