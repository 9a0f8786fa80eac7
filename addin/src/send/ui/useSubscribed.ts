import * as React from 'react';

/** A controller's state, re-rendered on each change (the page's controllers all subscribe so). */
export function useSubscribed<S>(c: { state: S; subscribe(fn: (s: S) => void): () => void }): S {
  const [state, setState] = React.useState(c.state);
  React.useEffect(() => {
    setState(c.state);
    return c.subscribe(setState);
  }, [c]);
  return state;
}
