"""A Modbus TCP server on pymodbus 3.0 (Debian python3-pymodbus) for the meter reader's tests.

Usage: pymodbus-server.py HOST
Binds HOST on a free port, prints "READY <port>" and serves until killed. Only the registers listed
below exist (sparse blocks): reading any other address answers Modbus exception 2 (illegal data
address), and an unknown unit id answers exception 11 (gateway target failed to respond).

unit 1: an Eastron SDM630 (input registers, float32 high word first)
unit 2: a Schneider PM5xxx (holding registers, 1-based numbers, float32 kW and int64 Wh); 3110 is missing
unit 3: a meter storing 32-bit values low word first, plus int16 and float32
"""

import asyncio
import struct
import sys
import types

# pymodbus.server imports pyserial and serial_asyncio for its serial server even when only TCP is used;
# Debian lists them as Recommends, so a minimal install lacks them. Empty stand-ins satisfy the import.
for missing in ("serial", "serial_asyncio"):
    try:
        __import__(missing)
    except ImportError:
        stand_in = types.ModuleType(missing)
        stand_in.create_serial_connection = None
        sys.modules[missing] = stand_in

from pymodbus.datastore import ModbusServerContext, ModbusSlaveContext, ModbusSparseDataBlock
from pymodbus.server.async_io import ModbusTcpServer


def words(fmt, value, little=False):
    """The 16-bit registers of a value packed big-endian; `little` puts the low word first."""
    raw = struct.pack(">" + fmt, value)
    registers = [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2)]
    return list(reversed(registers)) if little else registers


def block(values):
    """A sparse block of {address: [registers]} flattened to one register per address."""
    flat = {}
    for address, registers in values.items():
        for offset, register in enumerate(registers):
            flat[address + offset] = register
    return ModbusSparseDataBlock(flat)


def empty():
    return ModbusSparseDataBlock({0: 0})


sdm630 = block(
    {
        0x0000: words("f", 230.1),
        0x0002: words("f", 229.8),
        0x0004: words("f", 231.4),
        0x0034: words("f", 9876.5),
        0x0046: words("f", 50.02),
        0x0048: words("f", 123456.7),
    }
)

# Register numbers in the PM5xxx list count from 1: number N is sent as address N - 1.
pm5000 = block(
    {
        3028 - 1: words("f", 231.2),
        3060 - 1: words("f", 32.5),
        3204 - 1: words("q", 1234567890123456),
    }
)

little_endian_meter = block(
    {
        100: words("I", 123457, little=True),
        102: words("I", 4000000000, little=True),
        104: words("h", -5),
        105: words("f", 21.5, little=True),
        107: [7],
    }
)


def unit(input_registers=None, holding_registers=None):
    return ModbusSlaveContext(
        di=empty(), co=empty(), ir=input_registers or empty(), hr=holding_registers or empty(), zero_mode=True
    )


async def main(host):
    context = ModbusServerContext(
        slaves={1: unit(input_registers=sdm630), 2: unit(holding_registers=pm5000), 3: unit(holding_registers=little_endian_meter)},
        single=False,
    )
    server = ModbusTcpServer(context, address=(host, 0))
    task = asyncio.create_task(server.serve_forever())
    await server.serving
    print(f"READY {server.server.sockets[0].getsockname()[1]}", flush=True)
    await task


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
