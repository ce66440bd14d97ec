/**
 * The built-in Modbus meter profiles checked against register maps kept as verbatim excerpts
 * (tests/fixtures/meter-maps, sources and licences in each file's header and NOTICE): every register a
 * profile reads is the named register of the source at the address the profile sends (0-based PDU
 * address = profile address − addressing), with the source's data type, function code and word order,
 * and a scale that turns the source's unit into W or Wh. What a source does not state is marked as an
 * assumption with its reason, as in power-profiles-mib.test.ts. Sources and gaps: PROFILES.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MeterProfile, RegisterDefinition, RegisterType } from '../../electron/contract/power.profiles';
import { builtInPowerProfiles } from '../../electron/services/power/profiles';

type Unit = 'W' | 'kW' | 'Wh' | 'kWh' | '0.1 kWh' | 'V' | 'Hz';
/** What multiplies a raw value in `unit` into the profile's unit (W, Wh; V and Hz stay as they are). */
const scaleOf: Record<Unit, string> = { W: '1', kW: '1000', Wh: '1', kWh: '1000', '0.1 kWh': '100', V: '1', Hz: '1' };
const fieldUnit = (field: string) => (field === 'powerW' ? ['W', 'kW'] : field === 'energyWh' ? ['Wh', 'kWh', '0.1 kWh'] : ['V', 'Hz']);

/** Either a line of the excerpt that states it, or an assumption and the reason it is made. */
type Evidence<T> = { is: T; line: RegExp } | { assumed: T; why: string };
type Check = {
  /** powerW, energyWh, or the label of an extra value. */
  field: string;
  /** The excerpt's line defining the register: group 1 is its 0-based address as the source writes it (hex or decimal), group 2 its type. */
  line: RegExp;
  /** For a source that names the register on the line before (xeto): that line. */
  after?: RegExp;
  unit: Evidence<Unit>;
};
type Source = {
  profile: string;
  file: string;
  /** The source's type names, as ours. */
  types: Record<string, RegisterType>;
  /** For a source whose register lines carry no type: the line that gives every register's type. */
  everyType?: { is: RegisterType; line: RegExp };
  functionCode: Evidence<3 | 4>;
  /** Which word comes first in 32- and 64-bit values. */
  wordOrder: Evidence<'big' | 'little'>;
  checks: Check[];
};

const sources: Source[] = [
  {
    profile: 'eastron-sdm630',
    file: 'eastron-sdm630.esphome.excerpt.txt',
    types: { FP32: 'float32' },
    everyType: { is: 'float32', line: /^\s+if \(auto value = helpers::value_at<helpers::SensorValueType::FP32>\(registers, start_address, reg\)\)$/ },
    functionCode: { is: 4, line: /^void SDMMeter::update\(\) \{ this->read_input_registers\(0, MODBUS_REGISTER_COUNT\); \}$/ },
    // FP32 is the high-word-first float (FP32_R the swapped one); a 32-bit value is the first word << 16 | the second.
    wordOrder: { is: 'big', line: /^\s+return static_cast<uint32_t>\(get_data<uint16_t>\(data, buffer_offset\)\) << 16 \|$/ },
    checks: [
      {
        field: 'powerW',
        line: /^static const uint16_t SDM_TOTAL_SYSTEM_POWER = (0x[0-9A-F]{4});$/,
        unit: {
          assumed: 'W',
          why: "ESPHome states W for the phases' active power, not for the total; Eastron's protocol table gives W for 30053 (read on public copies, not kept)",
        },
      },
      {
        field: 'energyWh',
        line: /^static const uint16_t SDM_IMPORT_ACTIVE_ENERGY = (0x[0-9A-F]{4});$/,
        unit: { is: 'kWh', line: /^\s+unit_of_measurement=UNIT_KILOWATT_HOURS,$/ },
      },
      { field: 'Voltage L1 (V)', line: /^static const uint16_t SDM_PHASE_1_VOLTAGE = (0x[0-9A-F]{4});$/, unit: { assumed: 'V', why: 'a voltage' } },
      { field: 'Voltage L2 (V)', line: /^static const uint16_t SDM_PHASE_2_VOLTAGE = (0x[0-9A-F]{4});$/, unit: { assumed: 'V', why: 'a voltage' } },
      { field: 'Voltage L3 (V)', line: /^static const uint16_t SDM_PHASE_3_VOLTAGE = (0x[0-9A-F]{4});$/, unit: { assumed: 'V', why: 'a voltage' } },
      { field: 'Frequency (Hz)', line: /^static const uint16_t SDM_FREQUENCY = (0x[0-9A-F]{4});$/, unit: { assumed: 'Hz', why: 'a frequency' } },
    ],
  },
  {
    profile: 'accuvim-ii',
    file: 'accuvim-ii.xeto.excerpt.txt',
    types: { f4: 'float32' },
    functionCode: { assumed: 3, why: 'the xeto spec names no function code; the Acuvim II manual reads these with function 03 (not kept)' },
    wordOrder: { assumed: 'big', why: 'the xeto encoding "f4" names no word order; high word first is the Modbus convention the manual follows (not kept)' },
    checks: [
      {
        field: 'powerW',
        line: /^\s+modbusAddr: ModbusAddr \{ addr: "(\d+)", encoding: "(f4)", scale: "0\.001" \}$/,
        after: /^\s+ElecAcTotalNetActivePowerSensor \{$/,
        unit: { assumed: 'W', why: 'the spec scales the value by 0.001 into its power point, whose Haystack unit is kW, so the register holds W' },
      },
      {
        field: 'energyWh',
        line: /^\s+modbusAddr: ModbusAddr \{ addr: "(\d+)", encoding: "(f4)", scale: "0\.1" \}$/,
        after: /^\s+ElecAcTotalImportActiveEnergySensor \{$/,
        unit: { assumed: '0.1 kWh', why: 'the spec scales the value by 0.1 into its energy point, whose Haystack unit is kWh' },
      },
      {
        field: 'Frequency (Hz)',
        line: /^\s+modbusAddr: ModbusAddr \{ addr: "(16384)", encoding: "(f4)" \}$/,
        unit: { assumed: 'Hz', why: 'ElecAcFreqSensor' },
      },
      {
        field: 'Voltage V1 (V)',
        line: /^\s+modbusAddr: ModbusAddr \{ addr: "(16386)", encoding: "(f4)" \}$/,
        unit: { assumed: 'V', why: 'ElecAcPhaseVoltSensor L1-N' },
      },
    ],
  },
  {
    profile: 'schneider-pm5000',
    file: 'schneider-pm5000.solarnetwork.excerpt.txt',
    types: { Float32: 'float32', Int64: 'int64' },
    functionCode: { is: 3, line: /^\s+return ModbusReadFunction\.ReadHoldingRegister;$/ },
    wordOrder: { assumed: 'big', why: 'the register enum names no word order; SolarNetwork reads most significant word first unless told otherwise' },
    checks: [
      {
        field: 'powerW',
        line: /^\s+MeterActivePowerTotal\((\d+), (Float32)\),$/,
        unit: { is: 'kW', line: /^\s+\/\*\* Active power total, reported in kW\. \*\/$/ },
      },
      {
        field: 'energyWh',
        line: /^\s+MeterActiveEnergyDelivered\((\d+), (Int64)\),$/,
        unit: { is: 'Wh', line: /^\s+\/\*\* Total energy delivered \(imported\), in Wh\. \*\/$/ },
      },
      {
        field: 'Voltage A-N (V)',
        line: /^\s+MeterVoltageLineNeutralPhaseA\((\d+), (Float32)\),$/,
        unit: { is: 'V', line: /^\s+\/\*\* Line-to-neutral voltage for phase A, reported in V\. \*\/$/ },
      },
      {
        field: 'Frequency (Hz)',
        line: /^\s+MeterFrequency\((\d+), (Float32)\),$/,
        unit: { is: 'Hz', line: /^\s+\/\*\* AC frequency, reported in Hz\. \*\/$/ },
      },
    ],
  },
];

function registerOf(profile: MeterProfile, field: string): RegisterDefinition {
  const register = field === 'powerW' ? profile.powerW : field === 'energyWh' ? profile.energyWh : profile.extra[field];
  if (!register) throw new Error(`the profile has no ${field}`);
  return register;
}

/** The one excerpt line matching `pattern` (the test fails when there is none, or more than one). */
function lineOf(lines: string[], pattern: RegExp, after?: RegExp): RegExpExecArray {
  const matches = lines.flatMap((line, i) => {
    const match = pattern.exec(line);
    return match && (!after || after.test(lines[i - 1] ?? '')) ? [match] : [];
  });
  expect(matches, `lines matching ${pattern}${after ? ` after ${after}` : ''}`).toHaveLength(1);
  return matches[0]!;
}

describe.each(sources)('$profile against $file', ({ profile: key, file, types, everyType, functionCode, wordOrder, checks }) => {
  const lines = readFileSync(join(__dirname, '../fixtures/meter-maps', file), 'utf8').split('\n');
  const builtIn = builtInPowerProfiles.get(key);
  if (builtIn?.kind !== 'meter') throw new Error(`${key} is not a built-in meter profile`);
  const profile = builtIn.definition;

  it('checks every register the profile reads', () => {
    const read = [...(profile.powerW ? ['powerW'] : []), ...(profile.energyWh ? ['energyWh'] : []), ...Object.keys(profile.extra)];
    expect(checks.map((check) => check.field).sort()).toEqual(read.sort());
  });

  it.each(checks)('$field is at the address and of the type the source gives', (check) => {
    const match = lineOf(lines, check.line, check.after);
    const register = registerOf(profile, check.field);
    // The source writes the 0-based address sent on the wire; the profile subtracts its `addressing`.
    expect(register.address - profile.addressing).toBe(Number(match[1]));
    if (match[2] !== undefined) expect(register.type).toBe(types[match[2]]);
    else {
      if (!everyType) throw new Error(`${check.line} names no type and the source has no line typing every register`);
      lineOf(lines, everyType.line);
      expect(register.type).toBe(everyType.is);
    }
  });

  it.each(checks)('$field scale turns the source unit into the profile unit', (check) => {
    const unit = 'is' in check.unit ? check.unit.is : check.unit.assumed;
    if ('is' in check.unit) lineOf(lines, check.unit.line);
    expect(fieldUnit(check.field)).toContain(unit);
    expect(registerOf(profile, check.field).scale).toBe(scaleOf[unit]);
  });

  it('reads with the function code and word order of the source', () => {
    if ('is' in functionCode) lineOf(lines, functionCode.line);
    if ('is' in wordOrder) lineOf(lines, wordOrder.line);
    const code = 'is' in functionCode ? functionCode.is : functionCode.assumed;
    const order = 'is' in wordOrder ? wordOrder.is : wordOrder.assumed;
    for (const check of checks) {
      const register = registerOf(profile, check.field);
      expect(register.function, check.field).toBe(code);
      if (register.type !== 'uint16' && register.type !== 'int16') expect(register.wordOrder, check.field).toBe(order);
    }
  });
});
