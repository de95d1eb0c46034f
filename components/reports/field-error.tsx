// A form field's error line: always present (the field's aria-describedby points at it), empty while all is well.

export interface FieldErrorProps {
  id: string;
  testId: string;
  /** The problem in words, or null. "Error:" is written out, so colour is never the only sign. */
  message: string | null;
}

export function FieldError({ id, testId, message }: FieldErrorProps) {
  return (
    <p id={id} class="rp-error" data-testid={testId}>
      {message ? (
        <>
          <strong>Error: </strong>
          {message}
        </>
      ) : null}
    </p>
  );
}
