{ a, b }: a + 
