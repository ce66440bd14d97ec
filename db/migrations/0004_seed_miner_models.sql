-- The common models with their nominal figures (hashrate in GH/s, power in W); editable afterwards.
INSERT INTO `miner_models` (`make`, `model`, `nominal_hashrate_ghs`, `nominal_power_w`, `algorithm`, `cooling`, `created_at`, `updated_at`) VALUES
  ('Bitmain', 'Antminer S19', 95000, 3250, 'SHA-256', 'air', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Bitmain', 'Antminer S19 Pro', 110000, 3250, 'SHA-256', 'air', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Bitmain', 'Antminer S19 XP', 140000, 3010, 'SHA-256', 'air', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Bitmain', 'Antminer S19j Pro', 104000, 3068, 'SHA-256', 'air', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Bitmain', 'Antminer S21', 200000, 3500, 'SHA-256', 'air', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Bitmain', 'Antminer S21 Pro', 234000, 3510, 'SHA-256', 'air', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Bitmain', 'Antminer T21', 190000, 3610, 'SHA-256', 'air', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Bitmain', 'Antminer S21 Hydro', 335000, 5360, 'SHA-256', 'hydro', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('MicroBT', 'Whatsminer M30S++', 112000, 3472, 'SHA-256', 'air', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('MicroBT', 'Whatsminer M50S', 126000, 3276, 'SHA-256', 'air', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('MicroBT', 'Whatsminer M60', 172000, 3422, 'SHA-256', 'air', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('MicroBT', 'Whatsminer M60S', 186000, 3441, 'SHA-256', 'air', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Canaan', 'Avalon A1366', 130000, 3250, 'SHA-256', 'air', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Canaan', 'Avalon A1466', 150000, 3230, 'SHA-256', 'air', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Bitaxe', 'Bitaxe Supra', 600, 15, 'SHA-256', 'air', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Bitaxe', 'Bitaxe Gamma', 1200, 17, 'SHA-256', 'air', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
