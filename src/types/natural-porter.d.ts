// natural ships no types for its submodules; this declares the one we import.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const porterStemmer: { stem(token: string): string };
  export default porterStemmer;
}
