{ inherit (x) ${y}; }
