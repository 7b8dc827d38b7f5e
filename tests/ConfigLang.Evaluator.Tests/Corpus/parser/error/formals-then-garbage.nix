{ a ? 1, b }: a b = 2
