// A simulated Eastron SDM630 energy meter on Modbus TCP port 15020: float32 input registers
// (function 04), high word first, as the SDM630 register map lists them.
import { ServerTCP } from 'modbus-serial';
import { energyCounter, type EnergyCounter } from './counter';

export const meterModbusPort = 15020;

/** Input register addresses (0-based) of the SDM630 values the simulator serves. */
export const sdm630Registers = {
  voltageL1: 0x0000,
  voltageL2: 0x0002,
  voltageL3: 0x0004,
  currentL1: 0x0006,
  currentL2: 0x0008,
  currentL3: 0x000a,
  powerL1W: 0x000c,
  powerL2W: 0x000e,
  powerL3W: 0x0010,
  totalPowerW: 0x0034,
  frequencyHz: 0x0046,
  importKwh: 0x0048,
  exportKwh: 0x004a,
  totalKwh: 0x0156,
};

export type SimulatedMeter = {
  ip: string;
  kind: 'meter';
  model: string;
  serial: string;
  powerW: number;
  /** Imported energy in Wh, kept as the meter's unsigned 32-bit register; served as float32 kWh. */
  energyWh: EnergyCounter;
  resetEnergy(): void;
  rollOverEnergy(secondsBeforeWrap?: number): void;
  stop(): Promise<void>;
};

function float32Words(value: number): [number, number] {
  const bytes = Buffer.alloc(4);
  bytes.writeFloatBE(value, 0);
  return [bytes.readUInt16BE(0), bytes.readUInt16BE(2)];
}

const illegalAddress = (address: number) => ({ modbusErrorCode: 0x02, msg: `Illegal data address ${address}` });

export async function startMeter(options: { ip: string; serial: string; powerW: number; speed?: number; unitId?: number }): Promise<SimulatedMeter> {
  const energyWh = energyCounter(Math.round(options.powerW * 24 * 365 * 0.6), options.powerW / 3600, options.speed);
  const values = (): Map<number, number> => {
    const kwh = energyWh.read() / 1000;
    const perPhaseW = options.powerW / 3;
    const volts = 230 + ((Date.now() / 7_000) % 3);
    const amps = perPhaseW / volts;
    const floats: [number, number][] = [
      [sdm630Registers.voltageL1, volts],
      [sdm630Registers.voltageL2, volts - 0.8],
      [sdm630Registers.voltageL3, volts + 0.6],
      [sdm630Registers.currentL1, amps],
      [sdm630Registers.currentL2, amps],
      [sdm630Registers.currentL3, amps],
      [sdm630Registers.powerL1W, perPhaseW],
      [sdm630Registers.powerL2W, perPhaseW],
      [sdm630Registers.powerL3W, perPhaseW],
      [sdm630Registers.totalPowerW, options.powerW],
      [sdm630Registers.frequencyHz, 50],
      [sdm630Registers.importKwh, kwh],
      [sdm630Registers.exportKwh, 0],
      [sdm630Registers.totalKwh, kwh],
    ];
    const words = new Map<number, number>();
    for (const [address, value] of floats) {
      const [high, low] = float32Words(value);
      words.set(address, high).set(address + 1, low);
    }
    return words;
  };
  // One snapshot per request, so both words of a float come from the same instant.
  const read = (address: number, length: number) => {
    const words = values();
    return Array.from({ length }, (_, i) => {
      const word = words.get(address + i);
      if (word === undefined) throw illegalAddress(address + i);
      return word;
    });
  };
  const server = new ServerTCP(
    {
      getInputRegister: (address: number) => read(address, 1)[0],
      getMultipleInputRegisters: (address: number, length: number) => read(address, length),
    },
    { host: options.ip, port: meterModbusPort, unitID: options.unitId ?? 1 },
  );
  await new Promise<void>((resolve, reject) => {
    server.on('initialized', () => resolve());
    server.on('serverError', (error) =>
      reject(new Error(`The simulated meter could not listen on ${options.ip}:${meterModbusPort} (${error?.message ?? 'unknown error'}).`)),
    );
  });
  return {
    ip: options.ip,
    kind: 'meter',
    model: 'SDM630',
    serial: options.serial,
    powerW: options.powerW,
    energyWh,
    resetEnergy: () => energyWh.reset(),
    rollOverEnergy: (secondsBeforeWrap = 5) => energyWh.rollOver(secondsBeforeWrap),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
